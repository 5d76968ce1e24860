package storetest

import (
	"strconv"
	"strings"

	"dossier"
)

func itoa(v int64) string         { return strconv.FormatInt(v, 10) }
func contains(s, sub string) bool { return strings.Contains(s, sub) }
func containsStr(a []string, s string) bool {
	for _, v := range a {
		if v == s {
			return true
		}
	}
	return false
}

func equalStrings(a, b []string) bool { return strings.Join(a, "\x00") == strings.Join(b, "\x00") }

func equalInts(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func sortDate(s string) string {
	d, err := dossier.ParseDate(s)
	if err != nil {
		return s
	}
	return d.Time().Format("2006-01-02")
}
