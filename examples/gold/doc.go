// Package gold holds hand-made gold annotations of the sample corpus in ../corpus, in the
// shape that ../../../shared/eval/score_doc.py reads (see README.md). It has no code of its
// own; its test checks that every annotation is well formed and quotes its document exactly.
package gold
