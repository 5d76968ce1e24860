// Package check holds a held-out check set for the extractor: six documents in docs/
// written for the project and their hand-made gold annotations in gold/, in the shape that
// ../../../shared/eval/score_doc.py reads. Rule authors never read it (see README.md); it
// has no code of its own, and its test checks that every annotation is well formed and
// quotes its document exactly.
package check
