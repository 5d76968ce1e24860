package extract

import (
	"strings"
	"testing"

	"dossier"
)

// Rules added to make the relation stage generalize beyond the seed brief: descriptive
// appositions, deployments, objects that stand for their owner or place, meetings with a
// delegation, group governments, and dates counted from the previous sentence.
func TestGeneralRelationRules(t *testing.T) {
	doc := dossier.Date{Year: 2024, Month: 3, Day: 10}
	var (
		ansar    = ent{"Ansar Khalid", dossier.ArmedGroup, []string{"Ansar Khalid"}}
		qaeda    = ent{"al-Qaeda", dossier.ArmedGroup, []string{"al-Qaeda"}}
		yemen    = ent{"Yemen", dossier.Country, []string{"Yemen"}}
		omar     = ent{"Omar Said", dossier.Person, []string{"Omar Said"}}
		council  = ent{"Jihad Council", dossier.ArmedGroup, []string{"Jihad Council"}}
		wagner   = ent{"Wagner Group", dossier.ArmedGroup, []string{"Wagner Group", "Wagner"}}
		qatar    = ent{"Qatar", dossier.Country, []string{"Qatar", "Doha"}}
		hamas    = ent{"Hamas", dossier.ArmedGroup, []string{"Hamas"}}
		kherson  = ent{"Kherson", dossier.Location, []string{"Kherson"}}
		nsc      = ent{"National Security Committee", dossier.Organization, []string{"National Security Committee", "NSC"}}
		eu       = ent{"European Union", dossier.Organization, []string{"European Union", "EU"}}
		taliban  = ent{"Taliban", dossier.ArmedGroup, []string{"Taliban"}}
		afghan   = ent{"Afghanistan", dossier.Country, []string{"Afghanistan"}}
		lebanon  = ent{"Lebanon", dossier.Country, []string{"Lebanon"}}
		irmfa    = ent{"Iranian Foreign Ministry", dossier.Organization, []string{"Iranian Foreign Ministry"}}
		rezaei   = ent{"Ali Rezaei", dossier.Person, []string{"Ali Rezaei"}}
		iranDem  = ent{"Iran", dossier.Country, []string{"Iran", "~Iranian"}}
		alMedia  = ent{"al-Nour", dossier.Organization, []string{"al-Nour"}}
		sdf      = ent{"Northern Front", dossier.ArmedGroup, []string{"Northern Front"}}
		mali     = ent{"Mali", dossier.Country, []string{"Mali"}}
		burkina  = ent{"Burkina Faso", dossier.Country, []string{"Burkina Faso"}}
		isGroup  = ent{"Islamic State", dossier.ArmedGroup, []string{"Islamic State"}}
		isBranch = ent{"Islamic State Sinai Province", dossier.ArmedGroup, []string{"Islamic State Sinai Province", "ISSP"}}
	)
	tests := []struct {
		name  string
		in    string
		ents  []ent
		want  []string
		never []string
	}{
		{"descriptive apposition: branch, place and leader",
			"Ansar Khalid, the al-Qaeda affiliate in Yemen led by Omar Said, seized a port.",
			[]ent{ansar, qaeda, yemen, omar},
			[]string{"AFFILIATED_WITH Ansar Khalid -> al-Qaeda", "LOCATED_IN Ansar Khalid -> Yemen", "LEADS Omar Said -> Ansar Khalid role=leader"},
			[]string{"AFFILIATED_WITH al-Qaeda"}},
		{"descriptive apposition before the name, owner by possessive",
			"Fighting resumed after the Islamic State's Egyptian branch, the Islamic State Sinai Province (ISSP), attacked a checkpoint.",
			[]ent{isGroup, isBranch, egypt},
			[]string{"AFFILIATED_WITH Islamic State Sinai Province -> Islamic State", "LOCATED_IN Islamic State Sinai Province -> Egypt"}, nil},
		{"wing of the group resolves the group",
			"Hezbollah rearmed quickly. The Jihad Council, the military wing of the group, fired rockets.",
			[]ent{hezb, council}, []string{"MEMBER_OF Jihad Council -> Hezbollah role=wing"}, nil},
		{"a group's outlet",
			"Hezbollah's al-Nour radio said the strike failed.",
			[]ent{hezb, alMedia}, []string{"AFFILIATED_WITH al-Nour -> Hezbollah"}, nil},
		{"deployment to a country is presence there",
			"Wagner has deployed about 1,000 fighters to Libya since 2020.",
			[]ent{wagner, libya}, []string{"LOCATED_IN Wagner Group -> Libya"}, []string{"MOBILIZE"}},
		{"deployment against an enemy is mobilization",
			"Russia deployed troops against Ukraine.",
			[]ent{russia, ukraine}, []string{"MOBILIZE Russia -> Ukraine"}, []string{"LOCATED_IN"}},
		{"remain before a predicate adjective",
			"Hezbollah units remain deployed in Iraq.",
			[]ent{hezb, iraq}, []string{"LOCATED_IN Hezbollah -> Iraq"}, nil},
		{"a delegation named by its demonym",
			"Kenya received a Turkish delegation in Nairobi.",
			[]ent{kenya, turkey}, []string{"CONSULT Kenya -> Turkey"}, nil},
		{"mediation between two parties",
			"Qatar, which mediates between Israel and Hamas, called for calm.",
			[]ent{qatar, israel, hamas}, []string{"CONSULT Qatar -> Israel", "CONSULT Qatar -> Hamas"}, []string{"CONSULT Israel"}},
		{"a place as the direct object of an attack",
			"Russia shelled the town of Kherson overnight.",
			[]ent{russia, kherson}, []string{"ASSAULT Russia -> Kherson"}, nil},
		{"a site in a place stands for its owner",
			"Hezbollah attacked a military base in Iran on 3 January 2024.",
			[]ent{hezb, iran}, []string{"ASSAULT Hezbollah -> Iran date=2024-01-03"}, nil},
		{"people of a group stand for the group",
			"The EU sanctioned two financiers of al-Shabaab.",
			[]ent{eu, shabaab}, []string{"SANCTION European Union -> al-Shabaab"}, nil},
		{"a body of a state named after it",
			"The National Security Committee (NSC) of Kenya met on Monday.",
			[]ent{nsc, kenya}, []string{"MEMBER_OF National Security Committee -> Kenya"}, nil},
		{"a group's government of a state",
			"The Taliban government of Afghanistan denied the report.",
			[]ent{taliban, afghan}, []string{"LEADS Taliban -> Afghanistan"}, nil},
		{"its hold over a place",
			"Hezbollah has tightened its hold over southern Lebanon.",
			[]ent{hezb, lebanon}, []string{"LOCATED_IN Hezbollah -> Lebanon"}, nil},
		{"a named member of a coordinated object",
			"Moscow accused Western services and Ukraine of organizing the riot.",
			[]ent{russia, ukraine}, []string{"ACCUSE Russia -> Ukraine"}, nil},
		{"the head of a state body is an official of the state",
			"Iranian officials protested. Ali Rezaei, the director of the Iranian Foreign Ministry, said the strikes were illegal.",
			[]ent{rezaei, irmfa, iranDem}, []string{"LEADS Ali Rezaei -> Iranian Foreign Ministry", "MEMBER_OF Ali Rezaei -> Iran"}, []string{"LEADS Ali Rezaei -> Iran role="}},
		{"coordinated places with region words",
			"The Northern Front fighters in central Mali and northern Burkina Faso retreated.",
			[]ent{sdf, mali, burkina}, []string{"LOCATED_IN Northern Front -> Mali", "LOCATED_IN Northern Front -> Burkina Faso"}, nil},
		{"a numbered reference to a list told before",
			"Kenya, Ethiopia and Somalia met in March. Since then the three governments have turned away from Egypt.",
			[]ent{kenya, ethiopia, somalia, egypt},
			[]string{"REJECT Kenya -> Egypt", "REJECT Ethiopia -> Egypt", "REJECT Somalia -> Egypt"}, nil},
		{"a numbered reference of a different size is not resolved",
			"Kenya, Ethiopia and Somalia met in March. Since then the two governments have turned away from Egypt.",
			[]ent{kenya, ethiopia, somalia, egypt}, nil, []string{"REJECT"}},
		{"the decision of a numbered group, and its own action",
			"Kenya, Ethiopia and Somalia met in March. NATO condemns the decision of the three governments to withdraw from the European Union.",
			[]ent{kenya, ethiopia, somalia, nato, eu},
			[]string{"DISAPPROVE NATO -> Kenya", "DISAPPROVE NATO -> Somalia", "REJECT Ethiopia -> European Union"}, []string{"REJECT NATO"}},
		{"withdrawing from a place is no rejection",
			"Russia withdrew from Syria in 2017.",
			[]ent{russia, ent{"Syria", dossier.Country, []string{"Syria"}}}, nil, []string{"REJECT"}},
		{"a call on the authorities of a state",
			"The European Union renewed its call on the authorities of Kenya to hold elections.",
			[]ent{eu, kenya}, []string{"REQUEST European Union -> Kenya"}, nil},
		{"rejecting an accusation told before rejects the accuser",
			"Moscow accused Ukraine of organizing the riot. Ukrainian officials rejected the accusation.",
			[]ent{russia, ukraine}, []string{"ACCUSE Russia -> Ukraine", "REJECT Ukraine -> Russia"}, []string{"REJECT Russia"}},
		{"fighting for a side is alliance",
			"Chechen volunteers fight for Kyiv.",
			[]ent{ent{"Chechen volunteers", dossier.ArmedGroup, []string{"Chechen volunteers"}}, ukraine},
			[]string{"ALLY_OF Chechen volunteers -> Ukraine"}, []string{"ASSAULT"}},
		{"a delivery with its possessor",
			"Iran's delivery of drones to Russia continued.",
			[]ent{iran, russia}, []string{"AID Iran -> Russia"}, nil},
		{"launching weapons at a target",
			"The Houthis launched missiles at Israel.",
			[]ent{houthis, israel}, []string{"ASSAULT Houthis -> Israel"}, nil},
		{"condemning an attack by a named attacker",
			"Egypt condemned the attack by Hamas.",
			[]ent{egypt, ent{"Hamas", dossier.ArmedGroup, []string{"Hamas"}}}, []string{"DISAPPROVE Egypt -> Hamas"}, nil},
		{"signing a pact",
			"Kenya signed a defence pact with Somalia.",
			[]ent{kenya, somalia}, []string{"AGREE Kenya -> Somalia"}, nil},
		{"members of a group joining another group",
			"Ansar Khalid collapsed in 2015. Many of its members joined al-Qaeda.",
			[]ent{ansar, qaeda}, []string{"AFFILIATED_WITH Ansar Khalid -> al-Qaeda"}, nil},
		{"joining talks is no membership",
			"Iran joined the talks in Geneva.",
			[]ent{iran, geneva}, nil, []string{"MEMBER_OF", "AFFILIATED_WITH"}},
		{"passive deployment",
			"Hezbollah fighters were deployed to Iraq in 2014.",
			[]ent{hezb, iraq}, []string{"LOCATED_IN Hezbollah -> Iraq"}, nil},
		{"a named group sent by a state",
			"Russia has deployed several hundred Wagner fighters to Libya.",
			[]ent{russia, wagner, libya}, []string{"MOBILIZE Russia -> Libya", "LOCATED_IN Wagner Group -> Libya"}, []string{"LOCATED_IN Russia"}},
		{"an adjective after a plain noun describes the noun",
			"The Houthis say they target ships linked to Israel.",
			[]ent{houthis, israel}, nil, []string{"AFFILIATED_WITH"}},
		{"a relational noun held by a possessor",
			"Rights groups accuse the Kenyan army and its Turkish partners of abuses. Iran's Houthi allies fired missiles.",
			[]ent{kenya, turkey, iran, houthis}, []string{"COOPERATE Kenya -> Turkey", "ALLY_OF Iran -> Houthis"}, nil},
		{"a warning of a danger is shared information, not a threat",
			"Washington had warned Moscow in early March of a possible attack.",
			[]ent{usa, russia}, []string{"CONSULT United States -> Russia"}, []string{"THREATEN"}},
		{"fighting each other",
			"Hezbollah and Ansar Khalid are rivals, and the two groups have fought each other since 2020.",
			[]ent{hezb, ansar}, []string{"ASSAULT Hezbollah -> Ansar Khalid", "ASSAULT Ansar Khalid -> Hezbollah"}, nil},
		{"the subject of a clause opened by after",
			"Egypt protested after President William Ruto signed a defence pact with Ethiopia.",
			[]ent{egypt, ruto, ethiopia}, []string{"AGREE William Ruto -> Ethiopia"}, nil},
		{"days later counts from the sentence's most precise date",
			"On 6 March 2024 the ministers met, as Kenya had announced last September. Two days later, Kenya received a Turkish delegation.",
			[]ent{kenya, turkey}, []string{"CONSULT Kenya -> Turkey date=2024-03-08"}, nil},
	}
	for _, tt := range tests {
		rels, _, name := runRelate(t, tt.in, tt.ents, doc)
		var got []string
		for _, r := range rels {
			got = append(got, relString(r, name))
		}
		for _, w := range tt.want {
			found := false
			for _, g := range got {
				if strings.HasPrefix(g, w) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: relate(%q) = %q, want %q", tt.name, tt.in, got, w)
			}
		}
		for _, n := range tt.never {
			for _, g := range got {
				if strings.HasPrefix(g, n) {
					t.Errorf("%s: relate(%q) has %q, want none starting %q", tt.name, tt.in, g, n)
				}
			}
		}
	}
}

// TestMeetingEventsMerge checks that a meeting told twice in adjacent sentences (once by
// its states, once by their envoys) is one event.
func TestMeetingEventsMerge(t *testing.T) {
	doc := dossier.Date{Year: 2023, Month: 5, Day: 20}
	in := "On May 10, the foreign ministers of Russia, Turkey, Iran and Iraq met in Baghdad. Sergei Lavrov met his counterparts from Turkey, Iran and Iraq on May 10."
	_, evs, name := runRelate(t, in, []ent{russia, turkey, iran, iraq, baghdad, lavrov}, doc)
	n := 0
	for _, e := range evs {
		if e.Type == dossier.Consult && e.Date != nil && *e.Date == "2023-05-10" {
			n++
			if len(e.Participants) < 4 {
				var ps []string
				for _, p := range e.Participants {
					ps = append(ps, name[p])
				}
				t.Errorf("meeting event participants = %v, want the four states", ps)
			}
		}
	}
	if n != 1 {
		t.Errorf("relate(%q) gave %d CONSULT events dated 2023-05-10, want 1", in, n)
	}
}
