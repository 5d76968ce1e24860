package store

import (
	"time"

	"dossier"
)

// PutResult says what PutDocument did.
type PutResult struct {
	ID  string `json:"id"`
	New bool   `json:"new"` // false when the document was already stored: nothing changed
	// DuplicateOf is the id of the earliest stored document that a new document nearly
	// duplicates ("" for none).
	DuplicateOf string `json:"duplicate_of,omitempty"`
}

// DocQuery selects documents for Documents.
type DocQuery struct {
	Limit, Offset int
	// KnownAt, when set, keeps only documents ingested by then.
	KnownAt time.Time
}

// DocSummary is one line of a document listing.
type DocSummary struct {
	ID         string    `json:"id"`
	Title      string    `json:"title"`
	Date       string    `json:"date"`
	Source     string    `json:"source"`
	Series     string    `json:"series"`
	Lang       string    `json:"lang"`
	Format     string    `json:"format"`
	Marking    string    `json:"marking"`
	Size       int64     `json:"size"`
	Extractor  string    `json:"extractor"`
	IngestedAt time.Time `json:"ingested_at"`
	Entities   int       `json:"entities"`
	Relations  int       `json:"relations"`
	// DuplicateOf is the id of the earliest stored document this one nearly duplicates
	// ("" for none).
	DuplicateOf string `json:"duplicate_of,omitempty"`
}

// SearchHit is one full-text search result. Snippet wraps each match in the store's
// markers (Options.Open and Options.Close, « and » by default).
type SearchHit struct {
	DocID   string `json:"doc_id"`
	Title   string `json:"title"`
	Snippet string `json:"snippet"`
}

// EntityQuery selects entities for Entities.
type EntityQuery struct {
	Type    dossier.EntityType // empty: any
	Prefix  string             // case-insensitive name prefix
	MinDocs int
	OrderBy string // "mentions" (default), "degree", "name", "docs"
	Limit   int
	Offset  int
}

// EntitySummary is one resolved entity with its counts.
type EntitySummary struct {
	ID       int64              `json:"id"`
	Name     string             `json:"name"`
	Type     dossier.EntityType `json:"type"`
	KBID     string             `json:"kb_id,omitempty"`
	Aliases  []string           `json:"aliases"`
	Mentions int                `json:"mentions"`
	Docs     int                `json:"docs"`
	Degree   int                `json:"degree"`
	Version  int64              `json:"version"` // optimistic concurrency token for curation
}

// TimeFilter restricts a query in time. AsOf is valid time: only relations and events
// dated up to AsOf (at its precision) count; undated ones always count. KnownAt is
// transaction time: only documents ingested and curation performed by then count.
type TimeFilter struct {
	AsOf    dossier.Date `json:"as_of"`
	KnownAt time.Time    `json:"known_at"`
}

// Role is a role an entity held, with the dates of the documents that give it.
type Role struct {
	Role  string `json:"role"`
	First string `json:"first"`
	Last  string `json:"last"`
	Docs  int    `json:"docs"`
}

// RelationCount summarizes an entity's relations of one type in one direction.
type RelationCount struct {
	Type      dossier.RelationType `json:"type"`
	Direction string               `json:"direction"` // "out", "in" or "both" (symmetric types)
	Count     int                  `json:"count"`
	Others    int                  `json:"others"` // distinct entities at the other end
	First     string               `json:"first"`
	Last      string               `json:"last"`
}

// DocRef is a document an entity appears in.
type DocRef struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Date     string `json:"date"`
	Mentions int    `json:"mentions"`
}

// CoOccurrence is another entity seen in the same documents.
type CoOccurrence struct {
	ID   int64              `json:"id"`
	Name string             `json:"name"`
	Type dossier.EntityType `json:"type"`
	Docs int                `json:"docs"`
}

// Decision is one automatic resolution decision: how a document's entity was attached to
// a global entity, by which rule and on what evidence.
type Decision struct {
	DocID    string `json:"doc_id"`
	LocalID  string `json:"local_id"`
	Name     string `json:"name"`
	Rule     string `json:"rule"` // "kb_id", "name", "alias", "new"
	Evidence string `json:"evidence"`
}

// Note is an analyst's note.
type Note struct {
	ID     int64     `json:"id"`
	Actor  string    `json:"actor"`
	At     time.Time `json:"at"`
	Target string    `json:"target"`
	Text   string    `json:"text"`
}

// Profile is everything known about one entity.
type Profile struct {
	Entity      EntitySummary   `json:"entity"`
	Roles       []Role          `json:"roles"`
	Relations   []RelationCount `json:"relations"`
	Documents   []DocRef        `json:"documents"`
	CoOccurring []CoOccurrence  `json:"co_occurring"`
	Decisions   []Decision      `json:"decisions"`
	Notes       []Note          `json:"notes"`
}

// GraphQuery selects a part of the graph. With no Center it returns the top of the whole
// graph by degree.
type GraphQuery struct {
	Center        []int64
	Depth         int // hops from Center; 0 means 1
	EntityTypes   []dossier.EntityType
	RelationTypes []dossier.RelationType
	Since, Until  dossier.Date // relation dates inside [Since, Until]; undated ones are kept
	MinSources    int
	Time          TimeFilter
	Limit         int // on nodes; 0 means 200
	MaxEdges      int // the strongest edges (most claims) among the nodes; 0 means 4 per node
}

// Node is an entity in a graph.
type Node struct {
	ID     int64              `json:"id"`
	Name   string             `json:"name"`
	Type   dossier.EntityType `json:"type"`
	KBID   string             `json:"kb_id,omitempty"`
	Degree int                `json:"degree"`
	Lat    *float64           `json:"lat,omitempty"`
	Lon    *float64           `json:"lon,omitempty"`
}

// Edge aggregates the relations of one (type, source, target). Symmetric types are
// aggregated regardless of direction, with Source < Target.
type Edge struct {
	ID      int64                `json:"id"` // the smallest supporting relation id
	Source  int64                `json:"source"`
	Target  int64                `json:"target"`
	Type    dossier.RelationType `json:"type"`
	Claims  int                  `json:"claims"`
	Docs    int                  `json:"docs"`
	Sources int                  `json:"sources"` // distinct attributions or publishing documents
	Hedged  int                  `json:"hedged"`
	Negated int                  `json:"negated"`
	First   string               `json:"first"`
	Last    string               `json:"last"`
}

// Graph is a set of nodes and the edges between them.
type Graph struct {
	Nodes []Node `json:"nodes"`
	Edges []Edge `json:"edges"`
}

// Claim is one relation as a document states it, with its exact evidence.
type Claim struct {
	RelationID   int64                `json:"relation_id"`
	Type         dossier.RelationType `json:"type"`
	Subtype      string               `json:"subtype,omitempty"`
	Source       int64                `json:"source"`
	SourceName   string               `json:"source_name"`
	Target       int64                `json:"target"`
	TargetName   string               `json:"target_name"`
	Role         string               `json:"role,omitempty"`
	Date         string               `json:"date,omitempty"`
	Quantity     string               `json:"quantity,omitempty"`
	AttributedTo string               `json:"attributed_to,omitempty"`
	AttributedID int64                `json:"attributed_id,omitempty"`
	Hedged       bool                 `json:"hedged"`
	Negated      bool                 `json:"negated"`
	Confidence   float64              `json:"confidence"`
	Status       string               `json:"status,omitempty"` // "", "confirmed" or "rejected"
	DocID        string               `json:"doc_id"`
	DocTitle     string               `json:"doc_title"`
	DocDate      string               `json:"doc_date,omitempty"`
	Evidence     dossier.Span         `json:"evidence"`
}

// EdgeDetail is an edge with the latest MaxEdgeClaims claims that support it (its counts cover every claim).
type EdgeDetail struct {
	Edge   Edge    `json:"edge"`
	Claims []Claim `json:"claims"`
}

// Hop is one step of a path, with the claims that support it.
type Hop struct {
	From   int64   `json:"from"`
	To     int64   `json:"to"`
	Edge   Edge    `json:"edge"`
	Claims []Claim `json:"claims"`
}

// Path is a chain of hops between two entities.
type Path struct {
	Nodes []Node `json:"nodes"`
	Hops  []Hop  `json:"hops"`
}

// TimelineQuery selects timeline items.
type TimelineQuery struct {
	Entity       int64 // 0: all
	Since, Until dossier.Date
	Time         TimeFilter
	Limit        int
	Offset       int
}

// TimelineItem is a dated relation or event.
type TimelineItem struct {
	Date         string               `json:"date"`
	Kind         string               `json:"kind"` // "relation" or "event"
	ID           int64                `json:"id"`
	Type         dossier.RelationType `json:"type"`
	Name         string               `json:"name,omitempty"`
	Participants []CoOccurrence       `json:"participants"`
	Claim        *Claim               `json:"claim,omitempty"`
	DocID        string               `json:"doc_id"`
	Evidence     dossier.Span         `json:"evidence"`
}

// Contradiction is a pair of claims that cannot both hold.
type Contradiction struct {
	Reason string `json:"reason"`
	A      Claim  `json:"a"`
	B      Claim  `json:"b"`
}

// ClaimSet is every claim about an entity.
type ClaimSet struct {
	Entity         EntitySummary   `json:"entity"`
	Claims         []Claim         `json:"claims"` // the latest MaxClaims when there are more
	Total          int             `json:"total"`  // claims in all
	Contradictions []Contradiction `json:"contradictions"`
}

// Stats are counts for an overview.
type Stats struct {
	Documents     int                        `json:"documents"`
	Entities      int                        `json:"entities"`
	Mentions      int                        `json:"mentions"`
	Relations     int                        `json:"relations"`
	Events        int                        `json:"events"`
	Edges         int                        `json:"edges"`
	AuditEntries  int                        `json:"audit_entries"`
	EntityTypes   map[dossier.EntityType]int `json:"entity_types"`
	RelationTypes map[string]int             `json:"relation_types"`
	FirstIngest   time.Time                  `json:"first_ingest"`
	LastIngest    time.Time                  `json:"last_ingest"`
}

// AuditEntry is one row of the append-only audit log.
type AuditEntry struct {
	ID       int64     `json:"id"`
	Actor    string    `json:"actor"`
	At       time.Time `json:"at"`
	Action   string    `json:"action"`
	Target   string    `json:"target"`
	Before   string    `json:"before"` // JSON
	After    string    `json:"after"`  // JSON
	Undoes   int64     `json:"undoes,omitempty"`
	UndoneBy int64     `json:"undone_by,omitempty"`
}

// AuditQuery selects audit entries, newest first.
type AuditQuery struct {
	Actor  string
	Target string // "entity:12", "relation:7", a document id...
	Since  time.Time
	Limit  int
	Offset int
}

// LexEntry is one entry of a user watchlist.
type LexEntry struct {
	Name    string             `json:"name"`
	Type    dossier.EntityType `json:"type"`
	Aliases []string           `json:"aliases"`
	KBID    string             `json:"kb_id"`
}
