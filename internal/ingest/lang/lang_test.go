package lang

import "testing"

func TestDetect(t *testing.T) {
	tests := []struct{ want, text string }{
		{"en", "The minister said that the talks with the delegation had not been a success, and that there would be more meetings in the spring."},
		{"fr", "Le ministre a déclaré que les discussions avec la délégation n'avaient pas été un succès et qu'il y aurait d'autres réunions au printemps."},
		{"de", "Der Minister sagte, dass die Gespräche mit der Delegation kein Erfolg gewesen seien und dass es im Frühjahr weitere Treffen geben werde."},
		{"es", "El ministro dijo que las conversaciones con la delegación no habían sido un éxito y que habría más reuniones en la primavera."},
		{"it", "Il ministro ha detto che i colloqui con la delegazione non sono stati un successo e che ci saranno altri incontri in primavera."},
		{"pt", "O ministro disse que as conversas com a delegação não foram um sucesso e que haverá mais reuniões na primavera, mas sem data."},
		{"nl", "De minister zei dat de gesprekken met de delegatie geen succes waren en dat er in het voorjaar meer bijeenkomsten zullen zijn."},
		{"sv", "Ministern sade att samtalen med delegationen inte hade varit en framgång och att det skulle bli fler möten under våren."},
		{"pl", "Minister powiedział, że rozmowy z delegacją nie były sukcesem i że na wiosnę będzie więcej spotkań, ale nie podał daty."},
		{"tr", "Bakan, heyetle yapılan görüşmelerin bir başarı olmadığını ve ilkbaharda daha fazla toplantı olacağını söyledi, ama bu bir tarih değil."},
		{"ru", "Министр сказал, что переговоры с делегацией не были успешными и что весной будет больше встреч, но дата еще не известна."},
		{"uk", "Міністр сказав, що переговори з делегацією не були успішними і що навесні буде більше зустрічей, але дата ще не відома, та це все."},
		{"ar", "قال الوزير إن المحادثات مع الوفد لم تكن ناجحة وإنه سيكون هناك المزيد من الاجتماعات في الربيع، ولكن لم يحدد موعد بعد ذلك."},
		{"fa", "وزیر گفت که گفتگوها با هیئت موفقیت آمیز نبود و در بهار نشست های بیشتری برگزار خواهد شد، اما تاریخ آن هنوز مشخص نشده است."},
		{"zh", "部长说，与代表团的会谈并不成功，春季将举行更多会议，但日期尚未确定。"},
		{"ja", "大臣は、代表団との会談は成功しなかったと述べ、春にはさらに会合が開かれるだろうと語った。"},
		{"ko", "장관은 대표단과의 회담이 성공적이지 않았으며 봄에 더 많은 회의가 열릴 것이라고 말했다."},
		{"el", "Ο υπουργός είπε ότι οι συνομιλίες με την αντιπροσωπεία δεν ήταν επιτυχημένες και ότι θα υπάρξουν περισσότερες συναντήσεις."},
		{"und", "Putin Patrushev Kabulov"},
		{"und", "1234 5678 !!!"},
	}
	for _, tt := range tests {
		if got := Detect(tt.text); got != tt.want {
			t.Errorf("Detect(%.40q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
