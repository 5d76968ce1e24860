package export

import (
	"bufio"
	"context"
	"crypto/sha1"
	"encoding/hex"
	"path"
	"strconv"
	"strings"

	"dossier"
	"dossier/internal/store"
)

// FollowTheMoney (https://followthemoney.tech), as Aleph and OpenAleph load it: JSON
// Lines of {"id", "schema", "properties": {name: [values]}}.
//
//	PERSON        Person
//	ORGANIZATION  Organization, or PublicBody when its name says it is a body of a state
//	              (a ministry, council, parliament, army...)
//	ARMED_GROUP   Organization with classification "armed group"
//	COUNTRY       PublicBody: FtM has no schema for a country, and in dossier's
//	              relations a country is a state acting (it aids, accuses, sanctions),
//	              which FtM models as a public body. It carries its ISO code as
//	              jurisdiction and country, so that Aleph files it under that country.
//	LOCATION      Address (full name, latitude and longitude where known, country from
//	              an ISO 3166-2 kb_id), a Thing that links can point to
//	EVENT         Event
//	document      Document (title, file name, date, body text)
//	entity named in a document
//	              Mention (document, name, the resolved entity)
//	extracted event
//	              Event (date, place, participants as "involved")
//	MEMBER_OF     Membership, LEADS Directorship (when the target is an organization)
//	other claims  UnknownLink with the relation type as role
//	attributed, hedged or denied claim
//	              Note on the link
//
// Links carry their evidence quote as description, the document title as publisher and
// "doc_id#relation" as recordId. Identifiers are SHA-1 hex digests of the same stable keys
// as STIX ids.

// ftmEntity is one FtM entity.
type ftmEntity struct {
	ID         string              `json:"id"`
	Schema     string              `json:"schema"`
	Properties map[string][]string `json:"properties"`
}

func newFtM(schema, key string) *ftmEntity {
	sum := sha1.Sum([]byte("ftm:" + key))
	return &ftmEntity{ID: hex.EncodeToString(sum[:]), Schema: schema, Properties: map[string][]string{}}
}

// set adds non-empty values to a property, without repeats.
func (e *ftmEntity) set(prop string, values ...string) {
	for _, v := range values {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		dup := false
		for _, o := range e.Properties[prop] {
			if o == v {
				dup = true
				break
			}
		}
		if !dup {
			e.Properties[prop] = append(e.Properties[prop], v)
		}
	}
}

func ftmEntityID(typ dossier.EntityType, name, kbID string) string {
	return newFtM("", "entity:"+entityKey(typ, name, kbID)).ID
}

func ftmDocID(docID string) string { return newFtM("", "document:"+docID).ID }

// stateWords are head words that make an organization a body of a state.
var stateWords = map[string]bool{
	"ministry": true, "ministries": true, "department": true, "government": true, "council": true,
	"parliament": true, "senate": true, "assembly": true, "congress": true, "presidency": true,
	"cabinet": true, "agency": true, "embassy": true, "consulate": true, "army": true, "navy": true,
	"police": true, "court": true, "directorate": true, "commission": true, "office": true,
	"administration": true, "forces": true, "guard": true, "committee": true, "bureau": true, "service": true,
}

// ftmSchema returns the FtM schema of a canonical entity.
func ftmSchema(typ dossier.EntityType, name string) string {
	switch typ {
	case dossier.Person:
		return "Person"
	case dossier.Country:
		return "PublicBody"
	case dossier.Location:
		return "Address"
	case dossier.NamedEvent:
		return "Event"
	case dossier.Organization:
		for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return r == ' ' || r == '-' || r == ',' }) {
			if stateWords[w] {
				return "PublicBody"
			}
		}
	}
	return "Organization"
}

// legal reports whether entities of the schema are LegalEntities (which links to a
// member, director, involved party or resolved mention require).
func legal(schema string) bool {
	switch schema {
	case "Person", "Organization", "PublicBody":
		return true
	}
	return false
}

// ftmCountry returns the lower-case ISO 3166-1 code of a kb_id ("RU", "AF-KAN"), or "".
func ftmCountry(kbID string) string {
	if len(kbID) >= 2 && isISO2(kbID[:2]) && (len(kbID) == 2 || kbID[2] == '-') {
		return strings.ToLower(kbID[:2])
	}
	return ""
}

func writeFtM(ctx context.Context, st *store.Store, w *bufio.Writer, f store.ExportFilter, _ Selection) error {
	put := func(e *ftmEntity) error {
		b, err := marshal(e)
		if err != nil {
			return err
		}
		w.Write(b)
		return w.WriteByte('\n')
	}
	keep := entityFilter(f)
	if err := st.EachEntity(ctx, f, func(x *store.ExportEntity) error {
		schema := ftmSchema(x.Type, x.Name)
		e := newFtM(schema, "entity:"+entityKey(x.Type, x.Name, x.KBID))
		e.set("name", x.Name)
		switch schema {
		case "Address":
			e.set("full", x.Name)
			if x.Lat != nil && x.Lon != nil {
				e.set("latitude", strconv.FormatFloat(*x.Lat, 'f', -1, 64))
				e.set("longitude", strconv.FormatFloat(*x.Lon, 'f', -1, 64))
			}
			if strings.HasPrefix(x.KBID, "geonames:") {
				e.set("city", x.Name)
			}
			e.set("country", ftmCountry(x.KBID))
		case "Event":
			e.set("country", ftmCountry(x.KBID))
		default:
			e.set("alias", x.Aliases...)
			if x.Type == dossier.Country {
				e.set("jurisdiction", ftmCountry(x.KBID))
				e.set("country", ftmCountry(x.KBID))
				e.set("classification", "state")
			}
			if x.Type == dossier.ArmedGroup {
				e.set("classification", "armed group")
			}
		}
		if strings.HasPrefix(x.KBID, "Q") && len(x.KBID) > 1 && strings.Trim(x.KBID[1:], "0123456789") == "" {
			e.set("wikidataId", x.KBID)
		}
		e.set("keywords", string(x.Type))
		return put(e)
	}); err != nil {
		return err
	}
	docs := map[string]bool{}
	if err := st.EachDocument(ctx, f, func(d *store.ExportDocument) error {
		doc := newFtM("Document", "document:"+d.ID)
		docs[d.ID] = true
		name := d.Title
		if name == "" {
			name = path.Base(d.Source)
		}
		doc.set("title", d.Title)
		doc.set("name", name)
		file := path.Base(strings.ReplaceAll(d.Source, "\\", "/"))
		if file == "." || file == "/" || file == "" {
			file = d.ID
		}
		doc.set("fileName", file)
		doc.set("date", d.Date.String())
		doc.set("publishedAt", d.Date.String())
		doc.set("bodyText", d.Text)
		doc.set("processingAgent", d.Extractor)
		if err := put(doc); err != nil {
			return err
		}
		local := map[string]store.ExportDocEntity{}
		for _, de := range d.Entities {
			local[de.LocalID] = de
		}
		for _, x := range d.Extraction.Entities {
			de, ok := local[x.ID]
			if !ok || !keep(de.EntityID, de.Type) {
				continue
			}
			m := newFtM("Mention", "mention:"+d.ID+"#"+x.ID)
			m.set("document", doc.ID)
			m.set("name", x.Name)
			schema := ftmSchema(de.Type, de.Name)
			if legal(schema) {
				m.set("resolved", ftmEntityID(de.Type, de.Name, de.KBID))
			}
			m.set("detectedSchema", schema)
			if err := put(m); err != nil {
				return err
			}
		}
		for _, v := range d.Extraction.Events {
			ev := newFtM("Event", "event:"+d.ID+"#"+v.ID)
			name := string(v.Type)
			if v.Name != nil && *v.Name != "" {
				name = *v.Name
			}
			ev.set("name", name)
			ev.set("summary", v.Evidence.Text)
			if v.Date != nil {
				if dd, err := dossier.ParseDate(*v.Date); err == nil {
					ev.set("date", dd.String())
				}
			} else {
				ev.set("date", d.Date.String())
			}
			if v.Place != nil {
				if p, ok := local[*v.Place]; ok {
					ev.set("location", p.Name)
					ev.set("country", ftmCountry(p.KBID))
				}
			}
			for _, p := range v.Participants {
				de, ok := local[p]
				if ok && keep(de.EntityID, de.Type) && legal(ftmSchema(de.Type, de.Name)) {
					ev.set("involved", ftmEntityID(de.Type, de.Name, de.KBID))
				}
			}
			ev.set("keywords", string(v.Type))
			ev.set("recordId", d.ID+"#"+v.ID)
			if err := put(ev); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	return st.EachClaim(ctx, f, func(c *store.ExportClaim) error {
		src := ftmEntityID(c.From.Type, c.From.Name, c.From.KBID)
		dst := ftmEntityID(c.To.Type, c.To.Name, c.To.KBID)
		ss, ds := ftmSchema(c.From.Type, c.From.Name), ftmSchema(c.To.Type, c.To.Name)
		key := "relation:" + c.DocID + "#" + c.LocalID
		var link *ftmEntity
		orgTarget := ds == "Organization" || ds == "PublicBody"
		switch {
		case c.Type == dossier.MemberOf && legal(ss) && orgTarget:
			link = newFtM("Membership", key)
			link.set("member", src)
			link.set("organization", dst)
		case c.Type == dossier.Leads && legal(ss) && orgTarget:
			link = newFtM("Directorship", key)
			link.set("director", src)
			link.set("organization", dst)
		default:
			link = newFtM("UnknownLink", key)
			link.set("subject", src)
			link.set("object", dst)
		}
		role := strings.ToLower(strings.ReplaceAll(string(c.Type), "_", " "))
		if c.Role != "" {
			role = c.Role
		}
		link.set("role", role)
		link.set("date", c.Date)
		if c.Type.Standing() {
			link.set("startDate", c.Date)
		}
		link.set("description", c.Evidence.Text)
		status := ""
		switch {
		case c.Negated:
			status = "denied"
		case c.Hedged:
			status = "hedged"
		}
		link.set("status", status)
		link.set("publisher", c.DocTitle)
		link.set("recordId", c.DocID+"#"+c.LocalID)
		if err := put(link); err != nil {
			return err
		}
		how := claimQualifiers(c)
		if len(how) == 0 {
			return nil
		}
		note := newFtM("Note", "note:"+key)
		note.set("name", c.SourceName+" "+string(c.Type)+" "+c.TargetName+": "+strings.Join(how, ", "))
		note.set("description", c.Evidence.Text)
		note.set("entity", src, dst)
		if docs[c.DocID] {
			note.set("proof", ftmDocID(c.DocID))
		}
		note.set("publisher", c.DocTitle)
		return put(note)
	})
}
