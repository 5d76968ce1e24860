package export

import (
	"bufio"
	"context"
	"fmt"
	"math"
	"sort"
	"strings"

	"dossier"
	"dossier/internal/store"
)

// STIX 2.1 mapping.
//
//	PERSON        identity (identity_class "individual")
//	ORGANIZATION  identity (identity_class "organization")
//	ARMED_GROUP   threat-actor (with aliases)
//	COUNTRY       location (country: the ISO 3166-1 code of its kb_id, else its name)
//	LOCATION      location (latitude/longitude when the store has them, a city for a
//	              GeoNames kb_id, a country and administrative area for an ISO 3166-2
//	              kb_id, otherwise a region named after it)
//	EVENT         incident (STIX 2.1's stub for something that happened)
//	document      report (published: the document date, else its ingestion time)
//	claim         relationship (one per stored relation, relationship_type "member-of"
//	              for MEMBER_OF; start_time/stop_time bound the claim's date)
//	attributed, hedged or denied claim
//	              note on the relationship and the report, saying who said it and how
//
// Every object is created by one identity, dossier itself. Provenance travels in the
// property extension declared by the bundle's extension-definition (ExtensionID): on
// reports the document (text, metadata and its extraction with local ids, enough for
// ImportSTIX to rebuild it), on relationships and notes the evidence quote and its byte
// offsets, on entities their dossier type, kb_id, aliases and counts.

// ExtensionID is the id of the extension-definition that declares dossier's provenance
// property extension.
func ExtensionID() string {
	return "extension-definition--" + uuid5("stix-extension:dossier-provenance:1")
}

// producerID is the id of the identity that creates every exported object.
func producerID() string { return "identity--" + uuid5("stix-producer:dossier") }

// stixEntityID returns the STIX id of a canonical entity.
func stixEntityID(typ dossier.EntityType, name, kbID string) string {
	return stixEntityType(typ) + "--" + uuid5("entity:"+entityKey(typ, name, kbID))
}

// stixEntityType returns the STIX object type an entity type maps to.
func stixEntityType(t dossier.EntityType) string {
	switch t {
	case dossier.ArmedGroup:
		return "threat-actor"
	case dossier.Country, dossier.Location:
		return "location"
	case dossier.NamedEvent:
		return "incident"
	}
	return "identity"
}

func reportID(docID string) string { return "report--" + uuid5("document:"+docID) }

func relationshipID(c *store.ExportClaim) string {
	return "relationship--" + uuid5(fmt.Sprintf("relation:%s|%s|%s|%s|%s|%d|%d", c.Type,
		stixEntityID(c.From.Type, c.From.Name, c.From.KBID), stixEntityID(c.To.Type, c.To.Name, c.To.KBID),
		c.DocID, c.LocalID, c.Evidence.Start, c.Evidence.End))
}

// relationshipType turns MEMBER_OF into "member-of".
func relationshipType(t dossier.RelationType) string {
	return strings.ReplaceAll(strings.ToLower(string(t)), "_", "-")
}

// tlpMarkings are the TLP 1.0 marking definitions STIX 2.1 predefines, by level.
func tlpMarkings() []map[string]any {
	var out []map[string]any
	for _, m := range []struct{ level, id string }{
		{"white", "613f2e26-407d-48c7-9eca-b8e91df99dc9"},
		{"green", "34098fce-860f-48ae-8e50-ebd3cc5e41da"},
		{"amber", "f88d31f6-486f-44da-b317-01333bde0b82"},
		{"red", "5e57c739-391a-4eb3-b6be-7d15ca92d5ed"},
	} {
		out = append(out, map[string]any{
			"type": "marking-definition", "spec_version": "2.1", "id": "marking-definition--" + m.id,
			"created": "2017-01-20T00:00:00.000Z", "name": "TLP:" + strings.ToUpper(m.level),
			"definition_type": "tlp", "definition": map[string]any{"tlp": m.level},
		})
	}
	return out
}

// markingRefs returns the object_marking_refs of a document's marking: the predefined
// TLP marking of its level (TLP 2.0's CLEAR is 1.0's WHITE, AMBER+STRICT is AMBER), or
// nil for a marking STIX does not predefine (the extension keeps it as written).
func markingRefs(marking string) []string {
	level := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(marking)), "TLP:")))
	switch level {
	case "clear":
		level = "white"
	case "amber+strict":
		level = "amber"
	}
	for _, m := range tlpMarkings() {
		if m["definition"].(map[string]any)["tlp"] == level {
			return []string{m["id"].(string)}
		}
	}
	return nil
}

// stixWriter writes the objects of a bundle, one per line.
type stixWriter struct {
	w     *bufio.Writer
	first bool
}

func (sw *stixWriter) put(obj map[string]any) error {
	b, err := marshal(obj)
	if err != nil {
		return fmt.Errorf("stix object %v: %w", obj["id"], err)
	}
	if !sw.first {
		sw.w.WriteString(",\n")
	}
	sw.first = false
	_, err = sw.w.Write(b)
	return err
}

// ext returns the extensions property carrying props in dossier's extension, without
// the empty values that STIX forbids (null, empty lists).
func ext(props map[string]any) map[string]any {
	p := map[string]any{"extension_type": "property-extension"}
	for k, v := range props {
		switch x := v.(type) {
		case nil:
			continue
		case string:
			if x == "" {
				continue
			}
		case []string:
			if len(x) == 0 {
				continue
			}
		}
		p[k] = v
	}
	return map[string]any{ExtensionID(): p}
}

// base returns the common properties of an object.
func base(typ, id, created string) map[string]any {
	return map[string]any{
		"type": typ, "spec_version": "2.1", "id": id, "created": created, "modified": created,
		"created_by_ref": producerID(),
	}
}

// selectionKey names a selection for the bundle id.
func selectionKey(f store.ExportFilter) string {
	ids := append([]int64(nil), f.Entities...)
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return fmt.Sprintf("%v|%v|%v|%v|%s|%s|%v", f.Entities == nil, ids, f.EntityTypes, f.RelationTypes, f.Since, f.Until, f.DocID)
}

func writeSTIX(ctx context.Context, st *store.Store, w *bufio.Writer, f store.ExportFilter, _ Selection) error {
	fmt.Fprintf(w, `{"type":"bundle","id":"bundle--%s","objects":[`+"\n", uuid5("bundle:"+selectionKey(f)))
	sw := &stixWriter{w: w, first: true}
	created := stixTime(epoch)
	prod := base("identity", producerID(), created)
	delete(prod, "created_by_ref")
	prod["name"] = "dossier"
	prod["identity_class"] = "system"
	prod["description"] = "dossier, an offline analyst's engine: rule-based extraction with provenance."
	prod["extensions"] = ext(map[string]any{"role": "producer", "mapping_version": "1.0"})
	if err := sw.put(prod); err != nil {
		return err
	}
	def := base("extension-definition", ExtensionID(), created)
	def["name"] = "dossier provenance"
	def["description"] = "Where dossier read each object: documents with their text and extraction, evidence quotes with byte offsets."
	def["schema"] = "Property extension. report: doc_id, title, date, source, series, lang, format, marking, size, " +
		"ingested_at, extractor, text (the stored text every offset points into), footnotes, pages, extraction " +
		"(the document's extraction in dossier's SCHEMA.md shape, with document-local entity ids), entity_refs " +
		"(document-local entity id -> STIX id). relationship and note: doc_id, doc_ref, local_id, relation_type, " +
		"evidence_text, evidence_start, evidence_end (UTF-8 byte offsets into the document text), date, subtype, role, " +
		"quantity, place_ref, attributed_to, hedged, negated, confidence_score. identity, location, threat-actor, " +
		"incident: entity_type, kb_id, aliases, mention_count, document_count, degree. The producing identity: role, mapping_version."
	def["version"] = "1.0"
	def["extension_types"] = []string{"property-extension"}
	if err := sw.put(def); err != nil {
		return err
	}
	for _, m := range tlpMarkings() {
		if err := sw.put(m); err != nil {
			return err
		}
	}
	keep := entityFilter(f)
	if err := st.EachEntity(ctx, f, func(e *store.ExportEntity) error {
		return sw.put(stixEntity(e))
	}); err != nil {
		return err
	}
	df := f
	df.WithClaims = true
	if err := st.EachDocument(ctx, df, func(d *store.ExportDocument) error {
		return sw.put(stixReport(d, keep))
	}); err != nil {
		return err
	}
	if err := st.EachClaim(ctx, f, func(c *store.ExportClaim) error {
		rel := stixRelationship(c)
		if err := sw.put(rel); err != nil {
			return err
		}
		if n := stixNote(c, rel); n != nil {
			return sw.put(n)
		}
		return nil
	}); err != nil {
		return err
	}
	_, err := w.WriteString("\n]}\n")
	return err
}

func stixEntity(e *store.ExportEntity) map[string]any {
	typ := stixEntityType(e.Type)
	obj := base(typ, stixEntityID(e.Type, e.Name, e.KBID), stixTime(e.FirstSeen))
	obj["name"] = e.Name
	switch e.Type {
	case dossier.Person:
		obj["identity_class"] = "individual"
	case dossier.Organization:
		obj["identity_class"] = "organization"
	case dossier.ArmedGroup:
		if len(e.Aliases) > 0 {
			obj["aliases"] = e.Aliases
		}
	case dossier.Country:
		if isISO2(e.KBID) {
			obj["country"] = e.KBID
		} else {
			obj["country"] = e.Name
		}
	case dossier.Location:
		switch {
		case e.Lat != nil && e.Lon != nil && inRange(*e.Lat, 90) && inRange(*e.Lon, 180):
			obj["latitude"], obj["longitude"] = *e.Lat, *e.Lon
			if strings.HasPrefix(e.KBID, "geonames:") {
				obj["city"] = e.Name
			}
		case strings.HasPrefix(e.KBID, "geonames:"):
			obj["city"] = e.Name
			obj["region"] = e.Name
		case len(e.KBID) > 3 && isISO2(e.KBID[:2]) && e.KBID[2] == '-':
			obj["country"] = e.KBID[:2]
			obj["administrative_area"] = e.Name
		default:
			obj["region"] = e.Name
		}
	}
	obj["extensions"] = ext(map[string]any{
		"entity_type": string(e.Type), "kb_id": e.KBID, "aliases": e.Aliases,
		"mention_count": e.Mentions, "document_count": e.Docs, "degree": e.Degree,
	})
	return obj
}

func inRange(v, lim float64) bool { return !math.IsNaN(v) && v >= -lim && v <= lim }

func isISO2(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}

// stixReport returns the report of a document read with its claims.
func stixReport(d *store.ExportDocument, keep func(int64, dossier.EntityType) bool) map[string]any {
	obj := base("report", reportID(d.ID), stixTime(d.IngestedAt))
	name := d.Title
	if name == "" {
		name = d.Source
	}
	if name == "" {
		name = d.ID
	}
	obj["name"] = name
	obj["published"] = stixTime(d.IngestedAt)
	if !d.Date.IsZero() {
		obj["published"] = stixTime(d.Date.Time())
	}
	if d.Lang != "" {
		obj["lang"] = d.Lang
	}
	refs := map[string]bool{}
	entityRefs := map[string]string{}
	for _, e := range d.Entities {
		id := stixEntityID(e.Type, e.Name, e.KBID)
		entityRefs[e.LocalID] = id
		if keep(e.EntityID, e.Type) {
			refs[id] = true
		}
	}
	for i := range d.Claims {
		refs[relationshipID(&d.Claims[i])] = true
	}
	if len(refs) == 0 {
		refs[producerID()] = true
	}
	list := make([]string, 0, len(refs))
	for r := range refs {
		list = append(list, r)
	}
	sort.Strings(list)
	obj["object_refs"] = list
	if refs := markingRefs(d.Marking); refs != nil {
		obj["object_marking_refs"] = refs
	}
	props := map[string]any{
		"doc_id": d.ID, "title": d.Title, "date": d.Date.String(), "source": d.Source, "series": d.Series,
		"lang": d.Lang, "format": d.Format, "marking": d.Marking, "size": d.Size, "ingested_at": stixTimeNano(d),
		"extractor": d.Extractor, "text": d.Text, "extraction": d.Extraction, "entity_refs": entityRefs,
	}
	if len(d.Footnotes) > 0 {
		props["footnotes"] = d.Footnotes
	}
	if len(d.Pages) > 0 {
		props["pages"] = d.Pages
	}
	obj["extensions"] = ext(props)
	return obj
}

// stixTimeNano keeps the full precision of the ingestion time, so that a re-import
// orders and dates documents exactly as they were.
func stixTimeNano(d *store.ExportDocument) string {
	return d.IngestedAt.UTC().Format("2006-01-02T15:04:05.000000000Z")
}

func claimProps(c *store.ExportClaim) map[string]any {
	p := map[string]any{
		"doc_id": c.DocID, "doc_ref": reportID(c.DocID), "local_id": c.LocalID, "relation_type": string(c.Type),
		"evidence_text": c.Evidence.Text, "evidence_start": c.Evidence.Start, "evidence_end": c.Evidence.End,
		"date": c.Date, "subtype": c.Subtype, "role": c.Role, "quantity": c.Quantity,
		"attributed_to": c.AttributedTo, "hedged": c.Hedged, "negated": c.Negated,
		"confidence_score": c.Confidence, "status": c.Status,
	}
	if c.Place != nil {
		p["place_ref"] = stixEntityID(c.Place.Type, c.Place.Name, c.Place.KBID)
	}
	return p
}

func stixRelationship(c *store.ExportClaim) map[string]any {
	obj := base("relationship", relationshipID(c), stixTime(c.KnownAt))
	obj["relationship_type"] = relationshipType(c.Type)
	obj["source_ref"] = stixEntityID(c.From.Type, c.From.Name, c.From.KBID)
	obj["target_ref"] = stixEntityID(c.To.Type, c.To.Name, c.To.KBID)
	obj["description"] = c.Evidence.Text
	obj["confidence"] = int(math.Round(min(max(c.Confidence, 0), 1) * 100))
	if start, end, ok := dateRange(c.Date); ok {
		obj["start_time"] = stixTime(start)
		obj["stop_time"] = stixTime(end)
	}
	if refs := markingRefs(c.DocMarking); refs != nil {
		obj["object_marking_refs"] = refs
	}
	obj["extensions"] = ext(claimProps(c))
	return obj
}

// stixNote returns the note of an attributed, hedged or denied claim, or nil.
func stixNote(c *store.ExportClaim, rel map[string]any) map[string]any {
	how := claimQualifiers(c)
	if len(how) == 0 {
		return nil
	}
	obj := base("note", "note--"+uuid5("note:"+rel["id"].(string)), rel["created"].(string))
	obj["abstract"] = fmt.Sprintf("%s %s %s: %s", c.SourceName, c.Type, c.TargetName, strings.Join(how, ", "))
	obj["content"] = fmt.Sprintf("%q (%s)", c.Evidence.Text, c.DocTitle)
	refs := []string{rel["id"].(string), reportID(c.DocID)}
	sort.Strings(refs)
	obj["object_refs"] = refs
	if refs := markingRefs(c.DocMarking); refs != nil {
		obj["object_marking_refs"] = refs
	}
	obj["extensions"] = ext(claimProps(c))
	return obj
}
