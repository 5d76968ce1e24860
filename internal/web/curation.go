package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"dossier"
	"dossier/internal/store"
)

// actionResult is the answer to a curation request: the audit action that records it,
// which POST /api/undo/{action} reverses.
type actionResult struct {
	Action int64 `json:"action"`
	Entity int64 `json:"entity,omitempty"`
}

// versioned passes the entity version of an If-Match header ("3", W/"3") to the store:
// the curation action then fails with 409 Conflict if another client changed the entity
// since this one read it.
func (s *server) versioned(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if v := strings.TrimSpace(r.Header.Get("If-Match")); v != "" {
			n, err := strconv.ParseInt(strings.Trim(strings.TrimPrefix(v, "W/"), `"`), 10, 64)
			if err != nil {
				s.fail(w, r, fmt.Errorf("If-Match %q: want an entity version: %w", v, dossier.ErrInvalid))
				return
			}
			r = r.WithContext(store.ExpectVersion(r.Context(), n))
		}
		h(w, r)
	}
}

// curate runs one curation step on the entity named by the path and answers with its
// action id.
func (s *server) curate(w http.ResponseWriter, r *http.Request, body any, do func(id int64) (actionResult, error)) {
	if err := decode(w, r, body); err != nil {
		s.fail(w, r, err)
		return
	}
	id, err := s.entityID(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	res, err := do(id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, res)
}

func (s *server) handleMerge(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Drop ref `json:"drop"`
	}
	s.curate(w, r, &body, func(keep int64) (actionResult, error) {
		drop, err := s.entityID(r.Context(), string(body.Drop))
		if err != nil {
			return actionResult{}, fmt.Errorf("merge: drop: %w", err)
		}
		a, err := s.st.Merge(r.Context(), actor, keep, drop)
		return actionResult{Action: a, Entity: keep}, err
	})
}

func (s *server) handleRename(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Name string `json:"name"`
	}
	s.curate(w, r, &body, func(id int64) (actionResult, error) {
		name := strings.TrimSpace(body.Name)
		if name == "" {
			return actionResult{}, fmt.Errorf("rename: empty name: %w", dossier.ErrInvalid)
		}
		a, err := s.st.Rename(r.Context(), actor, id, name)
		return actionResult{Action: a, Entity: id}, err
	})
}

func (s *server) handleRetype(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Type string `json:"type"`
	}
	s.curate(w, r, &body, func(id int64) (actionResult, error) {
		t := dossier.EntityType(strings.ToUpper(strings.TrimSpace(body.Type)))
		if !t.Valid() {
			return actionResult{}, fmt.Errorf("retype: %q is not an entity type: %w", body.Type, dossier.ErrInvalid)
		}
		a, err := s.st.Retype(r.Context(), actor, id, t)
		return actionResult{Action: a, Entity: id}, err
	})
}

func (s *server) handleAliases(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Add    string `json:"add"`
		Remove string `json:"remove"`
	}
	s.curate(w, r, &body, func(id int64) (actionResult, error) {
		add, rm := strings.TrimSpace(body.Add), strings.TrimSpace(body.Remove)
		switch {
		case add != "" && rm == "":
			a, err := s.st.AddAlias(r.Context(), actor, id, add)
			return actionResult{Action: a, Entity: id}, err
		case rm != "" && add == "":
			a, err := s.st.RemoveAlias(r.Context(), actor, id, rm)
			return actionResult{Action: a, Entity: id}, err
		}
		return actionResult{}, fmt.Errorf("aliases: give exactly one of add or remove: %w", dossier.ErrInvalid)
	})
}

func (s *server) handleSplit(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Aliases []string `json:"aliases"`
	}
	s.curate(w, r, &body, func(id int64) (actionResult, error) {
		var as []string
		for _, a := range body.Aliases {
			if a = strings.TrimSpace(a); a != "" {
				as = append(as, a)
			}
		}
		if len(as) == 0 {
			return actionResult{}, fmt.Errorf("split: no aliases to split off: %w", dossier.ErrInvalid)
		}
		newID, err := s.st.Split(r.Context(), actor, id, as)
		if err != nil {
			return actionResult{}, err
		}
		// The store does not hand back the split's action id: it is the newest audit
		// entry of the entity.
		log, err := s.st.Audit(r.Context(), store.AuditQuery{Target: "entity:" + strconv.FormatInt(id, 10), Limit: 1})
		if err != nil || len(log) == 0 || log[0].Action != "split" {
			return actionResult{Entity: newID}, err
		}
		return actionResult{Action: log[0].ID, Entity: newID}, nil
	})
}

// relationAction runs reject or confirm on the relation named by the path.
func (s *server) relationAction(w http.ResponseWriter, r *http.Request, do func(id int64) (int64, error)) {
	if r.ContentLength != 0 {
		var body struct{}
		if err := decode(w, r, &body); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	id, err := pathID(r, "id")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	a, err := do(id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, actionResult{Action: a})
}

func (s *server) handleReject(w http.ResponseWriter, r *http.Request) {
	s.relationAction(w, r, func(id int64) (int64, error) { return s.st.RejectRelation(r.Context(), actor, id) })
}

func (s *server) handleConfirm(w http.ResponseWriter, r *http.Request) {
	s.relationAction(w, r, func(id int64) (int64, error) { return s.st.ConfirmRelation(r.Context(), actor, id) })
}

func (s *server) handleNote(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Target string `json:"target"`
		Text   string `json:"text"`
	}
	if err := decode(w, r, &body); err != nil {
		s.fail(w, r, err)
		return
	}
	if strings.TrimSpace(body.Target) == "" || strings.TrimSpace(body.Text) == "" {
		s.fail(w, r, fmt.Errorf("note: target and text are required: %w", dossier.ErrInvalid))
		return
	}
	a, err := s.st.Note(r.Context(), actor, strings.TrimSpace(body.Target), body.Text)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, actionResult{Action: a})
}

func (s *server) handleUndo(w http.ResponseWriter, r *http.Request) {
	if r.ContentLength != 0 {
		var body struct{}
		if err := decode(w, r, &body); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	id, err := pathID(r, "action")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	a, err := s.st.Undo(r.Context(), actor, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, actionResult{Action: a})
}
