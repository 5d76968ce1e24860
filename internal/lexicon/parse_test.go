package lexicon

import (
	"errors"
	"strings"
	"testing"

	"dossier"
)

func TestParseFile(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // name/type/aliases/kbid; entries separated by " ; "
	}{
		{"w.tsv", "name\ttype\taliases\tkb_id\nAbu Example\tPERSON\tAbu Ex|The Example\tq:1\n",
			"Abu Example/PERSON/Abu Ex,The Example/q:1"},
		{"w.tsv", "# comment\n\nJamaat X\tarmed_group\n", "Jamaat X/ARMED_GROUP//"},
		{"w.tsv", "Jamaat X\tARMED_GROUP\tJX-2|Jamaat Ex\n", "Jamaat X/ARMED_GROUP/Jamaat Ex,JX-2/"},
		{"w.csv", "name,type,aliases\n\"Acme, Ltd\",ORG,Acme;ACME Ltd\n", "Acme, Ltd/ORGANIZATION/Acme,ACME Ltd/"},
		{"watch", "Port X,LOC,,geo:9\nBeta Front,ARMED_GROUP,BF\n", "Port X/LOCATION//geo:9 ; Beta Front/ARMED_GROUP/BF/"},
		{"watch", "Port X\tLOCATION\r\n", "Port X/LOCATION//"},
		{"empty.tsv", "", ""},
	}
	for _, tt := range tests {
		es, err := ParseFile(tt.name, strings.NewReader(tt.in))
		if err != nil {
			t.Errorf("ParseFile(%s, %q) error: %v", tt.name, tt.in, err)
			continue
		}
		var parts []string
		for _, e := range es {
			parts = append(parts, e.Name+"/"+string(e.Type)+"/"+strings.Join(append(e.Aliases, e.Acronyms...), ",")+"/"+e.KBID)
			if e.Source != tt.name {
				t.Errorf("ParseFile(%s) entry source = %q", tt.name, e.Source)
			}
		}
		if got := strings.Join(parts, " ; "); got != tt.want {
			t.Errorf("ParseFile(%s, %q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestParseFileErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"watchlist.tsv", "name\ttype\nA\tPERSON\n\n\n\n\nB\tFOO\n", `watchlist.tsv:7: unknown type "FOO"`},
		{"w.tsv", "A\n", "w.tsv:1: want name and type columns"},
		{"w.tsv", "A\tPERSON\nB\tPERSON\tx\ty\tz\n", "w.tsv:2: want at most 4 columns"},
		{"w.tsv", "\tPERSON\n", "w.tsv:1: empty name"},
		{"w.csv", "A,PERSON\n\"B,PERSON\n", "w.csv:2:"},
		{"w.tsv", "A\tPERSON\tx\tbad id\n", "w.tsv:1: kb_id"},
		{"w.tsv", "A\xff\tPERSON\n", "w.tsv: not UTF-8"},
	}
	for _, tt := range tests {
		es, err := ParseFile(tt.name, strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseFile(%s, %q) error = %v, want one containing %q", tt.name, tt.in, err, tt.want)
		}
		if es != nil {
			t.Errorf("ParseFile(%s, %q) returned %d entries with an error", tt.name, tt.in, len(es))
		}
		if err != nil && !errors.Is(err, dossier.ErrInvalid) {
			t.Errorf("ParseFile(%s) error %v is not ErrInvalid", tt.name, err)
		}
	}
}

func FuzzParseFile(f *testing.F) {
	f.Add("w.tsv", "name\ttype\taliases\nA\tPERSON\tB|C\n")
	f.Add("w.csv", "\"A, B\",ORG,x;y,id1\n")
	f.Add("w", "#c\nX\tCOUNTRY\n")
	l, err := Load()
	if err != nil {
		f.Fatalf("Load: %v", err)
	}
	f.Fuzz(func(t *testing.T, name, in string) {
		es, err := ParseFile(name, strings.NewReader(in))
		if err != nil {
			if es != nil {
				t.Fatalf("entries returned with error %v", err)
			}
			return
		}
		for _, e := range es {
			if strings.TrimSpace(e.Name) == "" || !e.Type.Valid() {
				t.Fatalf("bad entry %+v", e)
			}
		}
		if err := l.Add(es...); err != nil {
			t.Fatalf("Add(parsed entries): %v", err)
		}
	})
}
