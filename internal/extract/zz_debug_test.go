package extract

import (
	"fmt"
	"testing"

	"dossier"
)

func TestZZDebug(t *testing.T) {
	x := testExtractor(t)
	for _, in := range []string{
		"The Mali-based group JNIM attacked Menaka. Iran-backed Houthis fired missiles. US-led coalition forces struck.",
		"The Akhmat special forces, commanded by Apty Alaudinov, fought in Ukraine. The Wagner-linked firm Lobaye Invest mined gold.",
		"Mahad Karate runs the Amniyat, the intelligence wing of the group. ISKP-inspired cells recruited among the Chechen diaspora in Europe.",
		"The command of the Russian peacekeeping contingent said fighters attacked a base in Galmudug.",
	} {
		out := x.Extract(in, Options{DocDate: dossier.Date{Year: 2024}})
		fmt.Println(names(out))
		fmt.Println(relationsOf(out))
	}
}
