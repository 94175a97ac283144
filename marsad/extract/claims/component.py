"""The `claims` component: who said what, in which words, relayed by whom.

The steps live in modules of their own: `finder` (the main loop and one cue), `subject` (the source after
the cue), `earlier` (a source before it or carried over), `attribution` («بحسب X»), `content` (what is
said), `state` (what the steps share), `words` (fixed words and limits); `cues` reads the lexicons.

For every reporting cue (a verb such as «قال», «أفادت», «ذكرته»; a continuing participle such as
«موضحاً أن»; an attribution such as «بحسب X» or «نقلاً عن X») the component finds:

- the source: the subject after the verb («وقال مصدر خاص إن»), a subject before it («وكان الناطق …،
  أحمد المسماري، قد قال», «المؤسسة أعلنت», «فلان، الذي طالب»), «تصريحات X» as subject, or — with no
  subject — the previous claim's source («وأضاف:», «وذكرت أن»; «المصدر» with the article refers back to
  the last anonymous source), never for a verb attached to the noun before it («صفارات الإنذار تحذر»);
- back-references: a body's head («وقال المرصد», «بحسب المرصد»), a surname alone («وأضاف عمر»), a bare
  title («إلا أن وزير الخارجية الأميركي حذر») name the one introduced before (`refer`);
- who of several names speaks: a body opening the subject speaks unless a person is named close after
  it («الجيش بقيادة فلان», «أعلن الجيش، الأحد، مقتل فلان» keep the body); the outlet spoken to
  («لـ"سكاي نيوز"») never speaks; a plural cue does not continue one person;
- its kind: a named person, an organisation, a media outlet, a document («بحسب تقارير دولية», «حكماً
  يقضي بـ», issued by the body named before), or an anonymous source kept with its description
  («مصدر خاص», «مصادر عسكرية», «مصدر مقرب من …»);
- no cue: a form with the article («المشير», «اللافت»), the outlet's background («يذكر أن»), a negated
  or causal verb («لم يكشف», «مما دعا»), a headline's verb (its colon quote counts), a verb inside another's
  reported clause;
- attributions after the content: «بحسب X», «حسبما أفادت مصادر», «وفقاً لما قاله مسؤول», «…، كما أفاد مصدر»;
  the noun «إعلان» with its speaker after it;
- the content: a quotation ("…", «…», “…”; possibly spanning sentences, bounded by the paragraph
  when never closed) or the indirect clause after «أن / إن», up to the next cue or the sentence end;
- relays: an outlet named by «بحسب ما ذكرته صحيفة X», «نقلاً عن X» or «في تصريح لـ X» becomes `via` of
  the claims in its sentence;
- the time said: a time expression between the cue and the content («قال … ليلة أمس»).
"""

from __future__ import annotations

from marsad.extract.claims.cues import cue_table
from marsad.extract.claims.finder import Finder
from marsad.extract.claims.words import MIN_CONTENT_WORDS
from marsad.model import Analysis
from marsad.options import Option
from marsad.pipeline import register
from marsad.resources import Resources

__all__ = ["ClaimFinder", "MIN_CONTENT_WORDS"]


@register("claims", requires=("tokens", "entities", "mentions", "hints", "times"), assigns=("claims",),
          options=(Option("min_content_words", int, MIN_CONTENT_WORDS,
                          "a claim's content needs at least this many words (shorter ones are names or fragments)",
                          low=0),))
class ClaimFinder:
    """Finds reported speech and its source for every reporting cue."""

    def __init__(self, resources: Resources, *, min_content_words: int = MIN_CONTENT_WORDS) -> None:
        self.table = cue_table(resources.kb)
        self.min_content_words = min_content_words

    def __call__(self, analysis: Analysis) -> Analysis:
        finder = Finder(analysis, self.table, self.min_content_words)
        analysis.claims = finder.run()
        return analysis
