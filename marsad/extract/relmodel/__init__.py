"""A learned relation scorer: candidate entity pairs inside a clause, features, a small NumPy model.

`candidates` pairs the system's own entity mentions within a sentence (types compatible with a
relation's head → tail), `features` describes each pair (words between and around, lexicon hits,
types, distance, clause markers, events and rule output), `model` scores them with a one-vs-rest
logistic regression shipped in `models/`, and `component` adds the relations the model is sure of to
those of the hand rules. `learn` and `data` train it (see training/relations/).
"""
