"""Training the NER taggers: crf_training (python-crfsuite), nn_training (the BiLSTM-CRF, PyTorch),
distrib (lexicons from unlabelled news), datasets (where the labelled sets live, tag maps), vectors and
subword_training (word-vector and n-gram files), and the tools tried on the dev split: augment,
distillation, gazetteer, lm_pretraining. Nothing here is imported by the `marsad` package."""
