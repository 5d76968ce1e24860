// Package dossier holds the domain of the dossier analyst's engine: documents, the
// extraction contract of SCHEMA.md (entities, mentions, relations, events), byte spans,
// partial dates and the small closed set of error kinds. It imports the standard library
// only; everything else lives under internal/, one package per concern.
package dossier

import "time"

// EntityType is the type of an extracted entity (SCHEMA.md, "Entity types").
type EntityType string

// The entity types of the extraction contract.
const (
	Person       EntityType = "PERSON"
	Organization EntityType = "ORGANIZATION"
	ArmedGroup   EntityType = "ARMED_GROUP"
	Country      EntityType = "COUNTRY"
	Location     EntityType = "LOCATION"
	NamedEvent   EntityType = "EVENT"
)

// EntityTypes lists every entity type in contract order.
var EntityTypes = []EntityType{Person, Organization, ArmedGroup, Country, Location, NamedEvent}

// Valid reports whether t is one of the contract's entity types.
func (t EntityType) Valid() bool {
	for _, v := range EntityTypes {
		if v == t {
			return true
		}
	}
	return false
}

// MentionForm says how an entity is named in one mention (SCHEMA.md, "Mentions").
type MentionForm string

// The mention forms of the extraction contract.
const (
	FormName        MentionForm = "NAME"
	FormAcronym     MentionForm = "ACRONYM"
	FormDemonym     MentionForm = "DEMONYM"
	FormMetonym     MentionForm = "METONYM"
	FormDescription MentionForm = "DESCRIPTION"
)

// RelationType is the type of a relation (SCHEMA.md, "Relations"). Event-like types follow
// the PLOVER ontology; standing types describe a state of affairs.
type RelationType string

// Event-like relation types (PLOVER).
const (
	Consult    RelationType = "CONSULT"
	Agree      RelationType = "AGREE"
	Cooperate  RelationType = "COOPERATE"
	Support    RelationType = "SUPPORT"
	Aid        RelationType = "AID"
	Request    RelationType = "REQUEST"
	Accuse     RelationType = "ACCUSE"
	Disapprove RelationType = "DISAPPROVE"
	Reject     RelationType = "REJECT"
	Threaten   RelationType = "THREATEN"
	Protest    RelationType = "PROTEST"
	Sanction   RelationType = "SANCTION"
	Mobilize   RelationType = "MOBILIZE"
	Coerce     RelationType = "COERCE"
	Assault    RelationType = "ASSAULT"
)

// Standing relation types.
const (
	MemberOf       RelationType = "MEMBER_OF"
	Leads          RelationType = "LEADS"
	AllyOf         RelationType = "ALLY_OF"
	HostileTo      RelationType = "HOSTILE_TO"
	AffiliatedWith RelationType = "AFFILIATED_WITH"
	LocatedIn      RelationType = "LOCATED_IN"
	Distrusts      RelationType = "DISTRUSTS"
)

// RelationTypes lists every relation type in contract order.
var RelationTypes = []RelationType{
	Consult, Agree, Cooperate, Support, Aid, Request, Accuse, Disapprove, Reject, Threaten,
	Protest, Sanction, Mobilize, Coerce, Assault,
	MemberOf, Leads, AllyOf, HostileTo, AffiliatedWith, LocatedIn, Distrusts,
}

// Valid reports whether t is one of the contract's relation types.
func (t RelationType) Valid() bool {
	for _, v := range RelationTypes {
		if v == t {
			return true
		}
	}
	return false
}

// Symmetric reports whether the relation type has no direction (scored undirected).
func (t RelationType) Symmetric() bool {
	return t == Consult || t == Cooperate || t == Agree || t == AllyOf
}

// Standing reports whether t describes a state of affairs rather than an event.
func (t RelationType) Standing() bool {
	switch t {
	case MemberOf, Leads, AllyOf, HostileTo, AffiliatedWith, LocatedIn, Distrusts:
		return true
	}
	return false
}

// Mention is one span of a document's stored text that names an entity.
type Mention struct {
	Span
	Form MentionForm `json:"form"`
}

// Entity is an actor, place or named event found in a document, with its mentions.
type Entity struct {
	ID       string     `json:"id"`
	Name     string     `json:"name"`
	Type     EntityType `json:"type"`
	Aliases  []string   `json:"aliases"`
	Roles    []string   `json:"roles"`
	KBID     *string    `json:"kb_id"`
	Mentions []Mention  `json:"mentions"`
}

// Relation is a directed, typed link source -> target between two entities of one
// extraction, with the evidence that supports it.
type Relation struct {
	ID           string       `json:"id"`
	Type         RelationType `json:"type"`
	Subtype      *string      `json:"subtype"`
	Source       string       `json:"source"`
	Target       string       `json:"target"`
	Role         *string      `json:"role"`
	Date         *string      `json:"date"`
	Place        *string      `json:"place"`
	Quantity     *string      `json:"quantity"`
	AttributedTo *string      `json:"attributed_to"`
	Hedged       bool         `json:"hedged"`
	Negated      bool         `json:"negated"`
	Confidence   float64      `json:"confidence"`
	Evidence     Span         `json:"evidence"`
}

// Event is a named or dated happening with participants.
type Event struct {
	ID           string       `json:"id"`
	Name         *string      `json:"name"`
	Type         RelationType `json:"type"`
	Date         *string      `json:"date"`
	Place        *string      `json:"place"`
	Participants []string     `json:"participants"`
	Evidence     Span         `json:"evidence"`
}

// DocumentInfo is the document header of an extraction (SCHEMA.md, "One document").
type DocumentInfo struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Date   string `json:"date"`
	Source string `json:"source"`
	Series string `json:"series"`
	Lang   string `json:"lang"`
}

// Extraction is what dossier extracts from one document: the SCHEMA.md shape.
type Extraction struct {
	Document  *DocumentInfo `json:"document,omitempty"`
	Entities  []Entity      `json:"entities"`
	Relations []Relation    `json:"relations"`
	Events    []Event       `json:"events"`
}

// Normalize replaces nil slices with empty ones so that the JSON form always carries
// arrays, never null, where SCHEMA.md shows a list.
func (x *Extraction) Normalize() {
	if x.Entities == nil {
		x.Entities = []Entity{}
	}
	if x.Relations == nil {
		x.Relations = []Relation{}
	}
	if x.Events == nil {
		x.Events = []Event{}
	}
	for i := range x.Entities {
		e := &x.Entities[i]
		if e.Aliases == nil {
			e.Aliases = []string{}
		}
		if e.Roles == nil {
			e.Roles = []string{}
		}
		if e.Mentions == nil {
			e.Mentions = []Mention{}
		}
	}
	for i := range x.Events {
		if x.Events[i].Participants == nil {
			x.Events[i].Participants = []string{}
		}
	}
}

// Footnote is a numbered note of a document: its marker's position in the text and the
// note's own text, parsed into a cited source where possible.
type Footnote struct {
	Label  string `json:"label"`
	Marker Span   `json:"marker"`
	Note   Span   `json:"note"`
	Source string `json:"source,omitempty"`
}

// Page is the byte range of one page of a paged original (PDF) in the stored text.
type Page struct {
	Number int `json:"number"`
	Start  int `json:"start"`
	End    int `json:"end"`
}

// Default marking of a document before anything enforces markings.
const DefaultMarking = "TLP:CLEAR"

// Document is one ingested document. Text is canonical (UTF-8, NFC, "\n" line ends):
// every offset anywhere points into it.
type Document struct {
	ID         string     `json:"id"` // "sha256:" + hex of the raw bytes
	Title      string     `json:"title"`
	Date       Date       `json:"date"`
	Source     string     `json:"source"` // path or URL it came from
	Series     string     `json:"series"`
	Lang       string     `json:"lang"`
	Format     string     `json:"format"` // txt, md, html, pdf, docx
	Marking    string     `json:"marking"`
	Size       int64      `json:"size"` // raw bytes
	Text       string     `json:"text"`
	Footnotes  []Footnote `json:"footnotes,omitempty"`
	Pages      []Page     `json:"pages,omitempty"`
	IngestedAt time.Time  `json:"ingested_at"`
}

// Info returns the document header used in an extraction.
func (d *Document) Info() *DocumentInfo {
	return &DocumentInfo{ID: d.ID, Title: d.Title, Date: d.Date.String(), Source: d.Source, Series: d.Series, Lang: d.Lang}
}
