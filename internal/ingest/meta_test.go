package ingest

import "testing"

func TestMetadata(t *testing.T) {
	tests := []struct {
		name, text                     string
		title, date, series, publisher string
	}{
		{"series header", "Brief n.27, March 2023\n\n5th Security Dialogue on Afghanistan\n\nOn February 8th, the president met.",
			"5th Security Dialogue on Afghanistan", "2023-03", "Brief n.27", ""},
		{"series with day and dash", "Bulletin No. 4 — 15 June 2021\nWater and power in the Fergana valley\nBody text here.",
			"Water and power in the Fergana valley", "2021-06-15", "Bulletin No. 4", ""},
		{"key headers", "TITLE: Port closures\nDATE: 2022-07-14\nSOURCE: Harbour Watch\n\nThe port was closed.",
			"Port closures", "2022-07-14", "", "Harbour Watch"},
		{"dateline without year", "MOSCOW, Feb 8 (Reuters) - Russia said on Wednesday it would respond.",
			"", "", "", "Reuters"},
		{"dateline with header year", "DATE: 2023\nMOSCOW, Feb 8 (Reuters) - Russia said on Wednesday it would respond.",
			"", "2023-02-08", "", "Reuters"},
		{"dateline with year", "Ceasefire holds\n\nKABUL, 8 February 2023 (AFP) — The ceasefire held overnight.",
			"Ceasefire holds", "2023-02-08", "", "AFP"},
		{"first line title", "Notes on the northern corridor\n\nThe corridor opened in 2019 and carries freight.",
			"Notes on the northern corridor", "", "", ""},
		{"prose first line", "This is a long opening sentence of plain prose that goes on and on without any heading before it, so it is no title.\n",
			"", "", "", ""},
		{"wire with date line", "Strikes hit radar sites\n\nJanuary 12, 2024\n\nSANAA, January 12 (Dossier Wire) - Strikes hit radar sites early on Friday.",
			"Strikes hit radar sites", "2024-01-12", "", "Dossier Wire"},
		{"french wire", "Le sommet s'ouvre\n\n11 août 2023\n\nNIAMEY, 11 août (Dossier Wire) - Les chefs d'Etat ont ordonné jeudi l'activation de la force.",
			"Le sommet s'ouvre", "2023-08-11", "", "Dossier Wire"},
		{"kicker", "PRESS RELEASE\nDATE: 8 September 2023\nSOURCE: Ministry of Transport\n\nStatement on the bridge closure\n\nThe ministry announced today that the bridge will close for repairs.",
			"Statement on the bridge closure", "2023-09-08", "", "Ministry of Transport"},
		{"date line then title", "12 April 2020\nCross-border trade\n\nText.",
			"Cross-border trade", "2020-04-12", "", ""},
	}
	for _, tt := range tests {
		m := Metadata(tt.text)
		if m.Title != tt.title || m.Date.String() != tt.date || m.Series != tt.series || m.Publisher != tt.publisher {
			t.Errorf("%s: Metadata = {%q %q %q %q}, want {%q %q %q %q}", tt.name,
				m.Title, m.Date, m.Series, m.Publisher, tt.title, tt.date, tt.series, tt.publisher)
		}
	}
}
