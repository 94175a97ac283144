"""Code that builds marsad's models and data, run from the repository and never shipped in the wheel.

`training.ner` trains the NER taggers (the CRF and the neural network), with what only training needs:
the lexicon and gazetteer builders, the data-set table, augmentation, distillation and language-model
pretraining. The scripts in `scripts/` (train_ner.py, train_ner_nn.py, embed_corpus.py, ...) call it;
install the `train` extra for PyTorch and gensim (`pip install -e '.[train]'`). The inference side
(marsad.ner: neural.py, tagger.py, features.py, subword.py) reads the files this code writes.
"""
