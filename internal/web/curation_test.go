package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
)

// post sends a JSON body and decodes the answer into out (when not nil).
func (e *env) post(t *testing.T, target, body string, out any) *httptest.ResponseRecorder {
	t.Helper()
	rec := e.do("POST", target, strings.NewReader(body), "application/json")
	if out != nil && rec.Code < 300 {
		if err := json.Unmarshal(rec.Body.Bytes(), out); err != nil {
			t.Fatalf("POST %s: answer %q: %v", target, rec.Body.String(), err)
		}
	}
	return rec
}

func TestQueriesAnswer(t *testing.T) {
	e := newEnv(t, Options{})
	putin := e.entityID(t, "Vladimir Putin")
	russia := e.entityID(t, "Russia")
	tests := []string{
		fmt.Sprintf("/api/entities/%d", putin),
		"/api/entities/Vladimir%20Putin",
		fmt.Sprintf("/api/claims/%d?as_of=2023-03", russia),
		fmt.Sprintf("/api/graph?center=%d&depth=2&min_sources=1", russia),
		"/api/graph?entity_type=COUNTRY,PERSON&relation_type=AID",
		fmt.Sprintf("/api/edges?source=%d&target=%d&type=LEADS", putin, russia),
		fmt.Sprintf("/api/path?from=%d&to=Taliban", putin),
		fmt.Sprintf("/api/timeline?entity=%d", russia),
		"/api/timeline?since=2023&until=2024-12-31",
		"/api/audit?actor=web",
	}
	for _, target := range tests {
		if rec := e.get(target); rec.Code != 200 {
			t.Errorf("GET %s = %d, want 200 (body %.300s)", target, rec.Code, rec.Body.String())
		}
	}
	var g struct {
		Nodes []struct {
			ID int64 `json:"id"`
		} `json:"nodes"`
		Edges []struct {
			Source, Target int64
		} `json:"edges"`
	}
	rec := e.get(fmt.Sprintf("/api/graph?center=%d", russia))
	if err := json.Unmarshal(rec.Body.Bytes(), &g); err != nil || len(g.Nodes) < 2 || len(g.Edges) == 0 {
		t.Fatalf("graph around Russia: %v, %d nodes, %d edges", err, len(g.Nodes), len(g.Edges))
	}
	var edge struct {
		Claims []struct {
			DocID    string `json:"doc_id"`
			Evidence struct {
				Start, End int
				Text       string
			} `json:"evidence"`
		} `json:"claims"`
	}
	rec = e.get(fmt.Sprintf("/api/edges?source=%d&target=%d&type=LEADS", putin, russia))
	if err := json.Unmarshal(rec.Body.Bytes(), &edge); err != nil || len(edge.Claims) == 0 {
		t.Fatalf("edge Putin LEADS Russia: %v, %d claims", err, len(edge.Claims))
	}
	c := edge.Claims[0]
	if got := e.brief.Doc.Text[c.Evidence.Start:c.Evidence.End]; got != c.Evidence.Text || c.DocID != e.brief.Doc.ID {
		t.Errorf("edge evidence %q in %s does not point into the stored text (%q)", c.Evidence.Text, c.DocID, got)
	}
}

func TestCurationFlow(t *testing.T) {
	e := newEnv(t, Options{})
	keep := e.entityID(t, "Nikolai Patrushev")
	drop := e.entityID(t, "Zamir Kabulov")
	var merged actionResult
	if rec := e.post(t, fmt.Sprintf("/api/entities/%d/merge", keep), fmt.Sprintf(`{"drop": %d}`, drop), &merged); rec.Code != 200 || merged.Action == 0 {
		t.Fatalf("merge = %d %s, want 200 with an action", rec.Code, rec.Body.String())
	}
	var p struct {
		Entity struct {
			ID int64 `json:"id"`
		} `json:"entity"`
	}
	rec := e.get(fmt.Sprintf("/api/entities/%d", drop))
	if json.Unmarshal(rec.Body.Bytes(), &p); rec.Code != 200 || p.Entity.ID != keep {
		t.Errorf("dropped entity after merge = %d, entity %d; want the survivor %d", rec.Code, p.Entity.ID, keep)
	}
	var audit []struct {
		ID     int64  `json:"id"`
		Actor  string `json:"actor"`
		Action string `json:"action"`
	}
	json.Unmarshal(e.get("/api/audit?limit=1").Body.Bytes(), &audit)
	if len(audit) != 1 || audit[0].ID != merged.Action || audit[0].Actor != "web" {
		t.Errorf("audit after merge = %+v, want action %d by web", audit, merged.Action)
	}
	var undone actionResult
	if rec := e.post(t, fmt.Sprintf("/api/undo/%d", merged.Action), "", &undone); rec.Code != 200 {
		t.Fatalf("undo = %d %s", rec.Code, rec.Body.String())
	}
	rec = e.get(fmt.Sprintf("/api/entities/%d", drop))
	if json.Unmarshal(rec.Body.Bytes(), &p); rec.Code != 200 || p.Entity.ID != drop {
		t.Errorf("dropped entity after undo = %d, entity %d; want itself, %d", rec.Code, p.Entity.ID, drop)
	}
	tests := []struct {
		name, target, body string
		want               int
	}{
		{"undo again", fmt.Sprintf("/api/undo/%d", merged.Action), "", 409},
		{"undo unknown", "/api/undo/999999", "", 404},
		{"undo bad id", "/api/undo/abc", "", 400},
		{"self merge", fmt.Sprintf("/api/entities/%d/merge", keep), fmt.Sprintf(`{"drop": %d}`, keep), 400},
		{"merge unknown", fmt.Sprintf("/api/entities/%d/merge", keep), `{"drop": 999999}`, 404},
		{"merge unknown keep", "/api/entities/999999/merge", fmt.Sprintf(`{"drop": %d}`, drop), 404},
		{"merge by name", fmt.Sprintf("/api/entities/%d/merge", keep), `{"drop": "Zamir Kabulov"}`, 200},
		{"rename", fmt.Sprintf("/api/entities/%d/rename", keep), `{"name": "N. Patrushev"}`, 200},
		{"retype bad", fmt.Sprintf("/api/entities/%d/retype", keep), `{"type": "ROBOT"}`, 400},
		{"retype", fmt.Sprintf("/api/entities/%d/retype", keep), `{"type": "ORGANIZATION"}`, 200},
		{"alias add", fmt.Sprintf("/api/entities/%d/aliases", keep), `{"add": "the Secretary"}`, 200},
		{"alias both", fmt.Sprintf("/api/entities/%d/aliases", keep), `{"add": "x", "remove": "y"}`, 400},
		{"alias remove", fmt.Sprintf("/api/entities/%d/aliases", keep), `{"remove": "the Secretary"}`, 200},
		{"split nothing", fmt.Sprintf("/api/entities/%d/split", keep), `{"aliases": []}`, 400},
		{"reject unknown", "/api/relations/999999/reject", "", 404},
		{"note", "/api/notes", fmt.Sprintf(`{"target": "entity:%d", "text": "check with the desk"}`, keep), 200},
		{"note empty", "/api/notes", `{"target": "entity:1", "text": ""}`, 400},
	}
	for _, tt := range tests {
		rec := e.post(t, tt.target, tt.body, nil)
		if rec.Code != tt.want {
			t.Errorf("%s: POST %s = %d, want %d (body %.300s)", tt.name, tt.target, rec.Code, tt.want, rec.Body.String())
		}
	}
}

func TestRejectAndConfirmRelation(t *testing.T) {
	e := newEnv(t, Options{})
	russia := e.entityID(t, "Russia")
	var claims struct {
		Claims []struct {
			RelationID int64 `json:"relation_id"`
		} `json:"claims"`
	}
	json.Unmarshal(e.get(fmt.Sprintf("/api/claims/%d", russia)).Body.Bytes(), &claims)
	if len(claims.Claims) == 0 {
		t.Fatal("no claims about Russia")
	}
	rel := claims.Claims[0].RelationID
	var rej, conf actionResult
	if rec := e.post(t, fmt.Sprintf("/api/relations/%d/reject", rel), "", &rej); rec.Code != 200 || rej.Action == 0 {
		t.Fatalf("reject = %d %s", rec.Code, rec.Body.String())
	}
	if rec := e.post(t, fmt.Sprintf("/api/relations/%d/confirm", rel), "{}", &conf); rec.Code != 200 || conf.Action == rej.Action {
		t.Fatalf("confirm = %d %s", rec.Code, rec.Body.String())
	}
}

func TestCurationVersionConflict(t *testing.T) {
	e := newEnv(t, Options{})
	ent, err := e.st.FindEntity(context.Background(), "Nikolai Patrushev")
	if err != nil {
		t.Fatalf("FindEntity: %v", err)
	}
	rename := func(ifMatch, name string) int {
		req := httptest.NewRequest("POST", fmt.Sprintf("/api/entities/%d/rename", ent.ID), strings.NewReader(`{"name":"`+name+`"}`))
		req.Header.Set("Content-Type", "application/json")
		if ifMatch != "" {
			req.Header.Set("If-Match", ifMatch)
		}
		rec := httptest.NewRecorder()
		e.h.ServeHTTP(rec, req)
		return rec.Code
	}
	read := fmt.Sprintf(`"%d"`, ent.Version)
	// Two clients read the entity at the same version; the first change wins, the second
	// is refused with 409 and changes nothing.
	if got := rename(read, "N. Patrushev"); got != 200 {
		t.Fatalf("rename with the current version = %d, want 200", got)
	}
	if got := rename(read, "Patrushev, N."); got != 409 {
		t.Errorf("rename with a stale version = %d, want 409", got)
	}
	if got := rename("not-a-version", "X"); got != 400 {
		t.Errorf("rename with a malformed If-Match = %d, want 400", got)
	}
	now, err := e.st.Entity(context.Background(), ent.ID)
	if err != nil {
		t.Fatalf("Entity: %v", err)
	}
	if now.Name != "N. Patrushev" {
		t.Errorf("after the refused rename the name is %q, want N. Patrushev", now.Name)
	}
	if got := rename(fmt.Sprintf(`W/"%d"`, now.Version), "Nikolai Patrushev"); got != 200 {
		t.Errorf("rename with the new version = %d, want 200", got)
	}
}
