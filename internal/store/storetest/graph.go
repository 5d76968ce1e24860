package storetest

import (
	"testing"

	"dossier/internal/store"
)

var graphTests = []struct {
	name string
	fn   func(t *testing.T, s *store.Store)
}{}
