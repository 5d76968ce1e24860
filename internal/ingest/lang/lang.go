// Package lang guesses the language of a text: the writing system first (Han, kana,
// Hangul, Greek, Hebrew, Thai, Armenian, Georgian), then, for Latin, Cyrillic and Arabic
// scripts, a profile of each language's most frequent function words. It answers an
// ISO 639-1 code, or "und" when the evidence is too thin or too close to call.
package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Undetermined is the code returned when the language cannot be told.
const Undetermined = "und"

// profiles holds frequent function words per language, grouped by script. The lists are
// common knowledge of each language's grammar (articles, pronouns, prepositions,
// conjunctions, auxiliaries), written for this package.
func profiles() map[string]map[string]string {
	return map[string]map[string]string{
		"latin": {
			"en": "the of and to in is that for it with as was on be by at this are from or an have not which but were has had they their its been also would will there who more can about when than into after over such",
			"fr": "le la les des est une dans que qui pour pas sur avec par sont mais ont cette aux été ses leur nous vous elle ils sont plus comme tout fait être même entre sans deux aussi ces du au",
			"de": "der die und das ist nicht den von zu mit sich des auf für dem ein eine als auch es an werden aus er hat dass sie nach wird bei einer um noch wie über einen so zum war haben nur oder aber vor zur bis mehr durch",
			"es": "el la los las de que y en un una es por con para del al se no lo como más pero sus le ya fue este ha sí porque esta entre cuando muy sin sobre también hasta hay donde quien desde todo nos durante ni contra otros",
			"it": "il di che la e le un una per non sono della con del lo gli nel alla anche come più ma dei delle questo ha essere nella tra ai sul degli quando stato dal perché molto suo sua fra gli",
			"pt": "o a os as de que e do da em um uma para com não por mais dos das se na no ao como mas foi ele ela seu sua ou quando muito já também pelo pela até isso entre depois sem mesmo aos seus ter são",
			"nl": "de het een en van in is dat op te zijn niet met voor er aan ook als bij door maar om dan nog wel naar uit worden werd hij zij ze wat heeft hebben over tot geen",
			"sv": "och att det som en på är av för med till den har de inte om ett men var jag sig så vid kan när från också eller efter under hade skulle nu bara mot",
			"pl": "i w na z że do nie się to jest jak po o od przez za ale już tak dla jego co są może być był tylko lub jej przy oraz także które który która",
			"tr": "ve bir bu da de için ile olarak çok daha ne gibi kadar sonra olan en ama ki değil var her mi ise veya göre şu onun tarafından olduğu",
			"id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada ke adalah juga oleh karena ada telah kami mereka sudah atau bisa lebih saat",
			"ro": "și în de la cu pe nu că este un o din pentru care mai ca sau au fost lui sunt dar prin acest această după despre între",
		},
		"cyrillic": {
			"ru": "и в не на что с по как это он к из за от для так но его она же то все бы был уже было только они мы при или если еще ее их также может есть быть этого который",
			"uk": "і в не на що з та як це він до за від для але його вона вже було тільки вони ми при або якщо ще її їх також може є бути цього який які",
			"bg": "и в на не да се от за че с по като това е са той тя но това бе ще си ги му ни ли които който която след между",
			"sr": "и у на да се је за од са не то су као али што из по ће био био они она који која",
		},
		"arabic": {
			"ar": "في من على إلى أن عن مع هذا هذه التي الذي كان قد لا ما هو هي بين بعد كما أو ذلك عند حتى إن لم كل",
			"fa": "و در به از که این را با است برای آن یک های می شود بود نیز تا هم شده کرد خود بر اما یا پس",
			"ur": "اور کے میں کی ہے سے کو نے پر یہ کہ ہیں تھا بھی کیا گیا ایک وہ لیے ساتھ",
		},
	}
}

// profileIndex maps, per script, each profile word to the languages that list it. It is
// built once from profiles and only read afterwards (like a compiled regexp).
var profileIndex = buildIndex()

func buildIndex() map[string]map[string][]string {
	out := map[string]map[string][]string{}
	for script, langs := range profiles() {
		idx := map[string][]string{}
		for code, words := range langs {
			for _, w := range strings.Fields(words) {
				idx[w] = append(idx[w], code)
			}
		}
		out[script] = idx
	}
	return out
}

// Detect returns the ISO 639-1 code of text's language, or "und".
func Detect(text string) string {
	if len(text) > 8<<10 { // a sample is enough
		cut := 8 << 10
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	var counts struct{ latin, cyr, arabic, han, kana, hangul, greek, hebrew, thai, armenian, georgian, devanagari, total int }
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		counts.total++
		switch {
		case r < 0x250 || unicode.Is(unicode.Latin, r):
			counts.latin++
		case unicode.Is(unicode.Cyrillic, r):
			counts.cyr++
		case unicode.Is(unicode.Arabic, r):
			counts.arabic++
		case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			counts.kana++
		case unicode.Is(unicode.Han, r):
			counts.han++
		case unicode.Is(unicode.Hangul, r):
			counts.hangul++
		case unicode.Is(unicode.Greek, r):
			counts.greek++
		case unicode.Is(unicode.Hebrew, r):
			counts.hebrew++
		case unicode.Is(unicode.Thai, r):
			counts.thai++
		case unicode.Is(unicode.Armenian, r):
			counts.armenian++
		case unicode.Is(unicode.Georgian, r):
			counts.georgian++
		case unicode.Is(unicode.Devanagari, r):
			counts.devanagari++
		}
	}
	if counts.total < 20 {
		return Undetermined
	}
	half := counts.total / 2
	switch {
	case counts.kana > counts.total/10:
		return "ja"
	case counts.han > half:
		return "zh"
	case counts.hangul > half:
		return "ko"
	case counts.greek > half:
		return "el"
	case counts.hebrew > half:
		return "he"
	case counts.thai > half:
		return "th"
	case counts.armenian > half:
		return "hy"
	case counts.georgian > half:
		return "ka"
	case counts.devanagari > half:
		return "hi"
	case counts.cyr > half:
		return byWords(text, "cyrillic")
	case counts.arabic > half:
		return byWords(text, "arabic")
	case counts.latin > half:
		return byWords(text, "latin")
	}
	return Undetermined
}

// byWords scores each language of a script by the share of words in its profile.
func byWords(text, script string) string {
	idx := profileIndex[script]
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) && r != '\u200c'
	})
	if len(words) > 3000 {
		words = words[:3000]
	}
	if len(words) < 5 {
		return Undetermined
	}
	score := map[string]int{}
	for _, w := range words {
		for _, code := range idx[w] {
			score[code]++
		}
	}
	best, second := "", 0
	bestN := 0
	for code, n := range score {
		switch {
		case n > bestN || (n == bestN && code < best):
			second = bestN
			best, bestN = code, n
		case n > second:
			second = n
		}
	}
	// At least 8% of the words must be function words of the winner, and the winner must
	// lead the runner-up clearly.
	if best == "" || bestN*100 < len(words)*8 || bestN < 3 || bestN*4 < second*5 {
		return Undetermined
	}
	return best
}
