package cli

import (
	"flag"
	"fmt"
	"strings"
	"time"

	"dossier"
	"dossier/internal/store"
)

// timeFlags are the --as-of and --known-at flags shared by the graph queries.
type timeFlags struct {
	asOf, knownAt string
}

// addTimeFlags declares --as-of and --known-at on fs.
func addTimeFlags(fs *flag.FlagSet) *timeFlags {
	t := &timeFlags{}
	fs.StringVar(&t.asOf, "as-of", "", "valid time: what the documents say was true on `DATE` (YYYY, YYYY-MM or YYYY-MM-DD)")
	fs.StringVar(&t.knownAt, "known-at", "", "transaction time: what dossier had ingested by `TIME` (YYYY-MM-DD or RFC 3339)")
	return t
}

// filter returns the store's time filter for the flags.
func (t *timeFlags) filter(cmd string) (store.TimeFilter, error) {
	var f store.TimeFilter
	d, err := dossier.ParseDate(t.asOf)
	if err != nil {
		return f, usageError(cmd, "--as-of: %v", err)
	}
	f.AsOf = d
	if f.KnownAt, err = parseInstant(t.knownAt, true); err != nil {
		return f, usageError(cmd, "--known-at: %v", err)
	}
	return f, nil
}

// rangeFlags are --since and --until with the time flags, shared by the commands that
// list dated relations (graph, timeline).
type rangeFlags struct {
	since, until string
	time         *timeFlags
}

// addRangeFlags declares --since, --until, --as-of and --known-at on fs; the usages of
// --since and --until say how the command treats undated items.
func addRangeFlags(fs *flag.FlagSet, sinceUsage, untilUsage string) *rangeFlags {
	r := &rangeFlags{}
	fs.StringVar(&r.since, "since", "", sinceUsage)
	fs.StringVar(&r.until, "until", "", untilUsage)
	r.time = addTimeFlags(fs)
	return r
}

// parse returns the dates of --since and --until and the time filter, or a usage error
// of command cmd.
func (r *rangeFlags) parse(cmd string) (since, until dossier.Date, f store.TimeFilter, err error) {
	if since, err = parseDateFlag(cmd, "since", r.since); err != nil {
		return since, until, f, err
	}
	if until, err = parseDateFlag(cmd, "until", r.until); err != nil {
		return since, until, f, err
	}
	f, err = r.time.filter(cmd)
	return since, until, f, err
}

// parseInstant parses an instant: RFC 3339, or a date standing for the start of that day
// (UTC), or its end when end is set; "" gives the zero time.
func parseInstant(s string, end bool) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.UTC(), nil
	}
	d, err := dossier.ParseDate(s)
	if err != nil || d.Precision() != dossier.PrecisionDay {
		return time.Time{}, fmt.Errorf("%q is neither YYYY-MM-DD nor an RFC 3339 time", s)
	}
	if end {
		return d.Time().AddDate(0, 0, 1).Add(-time.Nanosecond), nil
	}
	return d.Time(), nil
}

// parseDateFlag parses an optional date flag.
func parseDateFlag(cmd, name, s string) (dossier.Date, error) {
	d, err := dossier.ParseDate(s)
	if err != nil {
		return d, usageError(cmd, "--%s: %v", name, err)
	}
	return d, nil
}

// parseEntityTypes parses a comma-separated list of entity types (case-insensitive).
func parseEntityTypes(cmd, s string) ([]dossier.EntityType, error) {
	var out []dossier.EntityType
	for _, f := range splitList(s) {
		t := dossier.EntityType(strings.ToUpper(f))
		if !t.Valid() {
			return nil, usageError(cmd, "unknown entity type %q (want one of %s)", f, joinTypes(dossier.EntityTypes))
		}
		out = append(out, t)
	}
	return out, nil
}

// parseRelationTypes parses a comma-separated list of relation types (case-insensitive).
func parseRelationTypes(cmd, s string) ([]dossier.RelationType, error) {
	var out []dossier.RelationType
	for _, f := range splitList(s) {
		t := dossier.RelationType(strings.ToUpper(f))
		if !t.Valid() {
			return nil, usageError(cmd, "unknown relation type %q (want one of %s)", f, joinTypes(dossier.RelationTypes))
		}
		out = append(out, t)
	}
	return out, nil
}

// splitList splits a comma-separated flag value, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// joinTypes lists type names for an error message.
func joinTypes[T ~string](ts []T) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = string(t)
	}
	return strings.Join(s, ", ")
}

// shortID shortens a document id for a table: the first 12 hex digits.
func shortID(id string) string {
	id = strings.TrimPrefix(id, "sha256:")
	if len(id) > 12 {
		return id[:12]
	}
	return id
}
