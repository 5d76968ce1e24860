// Package bench compares dossier's entity extraction with jdkato/prose on the same text.
// It is a separate module (dossier/bench) so that prose never enters the product's
// go.mod; run.sh runs both sides in one go and prints tokens per second and their ratio.
package bench
