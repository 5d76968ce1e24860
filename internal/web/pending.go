package web

// TEMPORARY (deleted once internal/store has its queries and curation): lets the handler
// serve what the store already has while the rest of it is being written.

import (
	"context"
	"fmt"

	"dossier"
	"dossier/internal/store"
)

type partial struct{ *store.Store }

func pendingErr(what string) error { return fmt.Errorf("%s: %w", what, dossier.ErrUnsupported) }

func (partial) Profile(context.Context, int64, store.TimeFilter) (*store.Profile, error) {
	return nil, pendingErr("profile")
}
func (partial) Claims(context.Context, int64, store.TimeFilter) (*store.ClaimSet, error) {
	return nil, pendingErr("claims")
}
func (partial) Graph(context.Context, store.GraphQuery) (*store.Graph, error) {
	return nil, pendingErr("graph")
}
func (partial) Edge(context.Context, int64, int64, dossier.RelationType) (*store.EdgeDetail, error) {
	return nil, pendingErr("edge")
}
func (partial) Path(context.Context, int64, int64, int, store.TimeFilter) ([]store.Path, error) {
	return nil, pendingErr("path")
}
func (partial) Timeline(context.Context, store.TimelineQuery) ([]store.TimelineItem, error) {
	return nil, pendingErr("timeline")
}
func (partial) Audit(context.Context, store.AuditQuery) ([]store.AuditEntry, error) {
	return nil, pendingErr("audit")
}
func (partial) Merge(context.Context, string, int64, int64) (int64, error) {
	return 0, pendingErr("merge")
}
func (partial) Split(context.Context, string, int64, []string) (int64, int64, error) {
	return 0, 0, pendingErr("split")
}
func (partial) Rename(context.Context, string, int64, string) (int64, error) {
	return 0, pendingErr("rename")
}
func (partial) Retype(context.Context, string, int64, dossier.EntityType) (int64, error) {
	return 0, pendingErr("retype")
}
func (partial) AddAlias(context.Context, string, int64, string) (int64, error) {
	return 0, pendingErr("alias")
}
func (partial) RemoveAlias(context.Context, string, int64, string) (int64, error) {
	return 0, pendingErr("alias")
}
func (partial) RejectRelation(context.Context, string, int64) (int64, error) {
	return 0, pendingErr("reject")
}
func (partial) ConfirmRelation(context.Context, string, int64) (int64, error) {
	return 0, pendingErr("confirm")
}
func (partial) Note(context.Context, string, string, string) (int64, error) {
	return 0, pendingErr("note")
}
func (partial) Undo(context.Context, string, int64) (int64, error) { return 0, pendingErr("undo") }
