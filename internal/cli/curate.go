package cli

import (
	"fmt"
	"strconv"
	"strings"

	"dossier"
	"dossier/internal/store"
)

// resolveEntity finds the entity named or numbered ref, for a curation command.
func (a *app) resolveEntity(st *store.Store, cmd, ref string) (*store.EntitySummary, error) {
	e, err := st.FindEntity(a.ctx, ref)
	if err != nil {
		return nil, fmt.Errorf("%s: entity %q: %w", cmd, ref, err)
	}
	return e, nil
}

// parseID parses a numeric id argument (a relation or an audit action).
func parseID(cmd, what, s string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimPrefix(s, "#"), 10, 64)
	if err != nil || id <= 0 {
		return 0, usageError(cmd, "%s %q is not a number", what, s)
	}
	return id, nil
}

// reportAction prints what a curation action did and its id, to undo it with.
func (a *app) reportAction(actionID int64, format string, v ...any) {
	fmt.Fprintf(a.stdout, "%s (action %d; undo with 'dossier undo %d')\n", fmt.Sprintf(format, v...), actionID, actionID)
}

// parseEntityType parses one entity type argument.
func parseEntityType(cmd, s string) (dossier.EntityType, error) {
	t := dossier.EntityType(strings.ToUpper(strings.TrimSpace(s)))
	if !t.Valid() {
		return "", usageError(cmd, "unknown entity type %q (want one of %s)", s, joinTypes(dossier.EntityTypes))
	}
	return t, nil
}
