// Package lexicon is a keyword baseline for text emotion recognition: a
// multinomial naive Bayes classifier over words, which scores a text by
// the log-probabilities of its words under each class, counted on the
// training set with add-alpha smoothing (scikit-learn's MultinomialNB).
// It needs no training loop and gives a number against which to judge
// the neural models.
package lexicon
