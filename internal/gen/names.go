package gen

// The word lists below are read-only inputs of the generator: they are never modified
// after compilation. Person and organization names built from them are invented; the
// countries, places and the well-known armed groups are real.

// region groups the countries, places, naming customs and well-known armed groups of one
// part of the world.
type region struct {
	name      string
	countries []country
	places    []place
	first     []string // given names
	last      []string // family names
	groups    []string // real armed groups, "Name (ACRONYM)" or "Name"
	stems     []string // words for invented group and company names
}

// country is a real state with the words the generator uses for it.
type country struct {
	name, demonym, capital string
}

// place is a real city, province or region; country indexes the region's countries.
type place struct {
	name    string
	country int
}

var regions = []region{
	{
		name: "Sahel",
		countries: []country{
			{"Mali", "Malian", "Bamako"}, {"Burkina Faso", "Burkinabe", "Ouagadougou"},
			{"Niger", "Nigerien", "Niamey"}, {"Chad", "Chadian", "N'Djamena"},
			{"Mauritania", "Mauritanian", "Nouakchott"}, {"Nigeria", "Nigerian", "Abuja"},
			{"Senegal", "Senegalese", "Dakar"}, {"Algeria", "Algerian", "Algiers"},
		},
		places: []place{
			{"Gao", 0}, {"Timbuktu", 0}, {"Menaka", 0}, {"Kidal", 0}, {"Mopti", 0}, {"Segou", 0},
			{"Djibo", 1}, {"Dori", 1}, {"Fada N'Gourma", 1}, {"Kaya", 1},
			{"Tillaberi", 2}, {"Agadez", 2}, {"Diffa", 2}, {"Maradi", 2},
			{"Lake Chad", 3}, {"Abeche", 3}, {"Maiduguri", 5}, {"Borno", 5}, {"Tamanrasset", 7},
		},
		first: []string{"Amadou", "Ousmane", "Boubacar", "Moussa", "Ibrahim", "Issa", "Souleymane",
			"Hamidou", "Mahamadou", "Aliou", "Seydou", "Oumar", "Abdoulaye", "Salif", "Modibo",
			"Aminata", "Fatoumata", "Mariam", "Kadiatou", "Hawa", "Bakary", "Adama", "Lassina", "Tiemoko", "Yacouba"},
		last: []string{"Traore", "Diallo", "Coulibaly", "Keita", "Sangare", "Toure", "Maiga", "Cisse",
			"Ouedraogo", "Sawadogo", "Kone", "Diarra", "Konate", "Dembele", "Ag Alhassane", "Ag Bibi",
			"Ould Mohamed", "Sidibe", "Kaboré", "Zerbo", "Issoufou", "Tandja", "Boukary", "Dicko", "Guindo"},
		groups: []string{"Jama'at Nusrat al-Islam wal-Muslimin (JNIM)", "Islamic State Sahel Province (ISSP)",
			"Boko Haram", "Islamic State West Africa Province (ISWAP)", "Katiba Macina", "Ansarul Islam",
			"Coordination of Azawad Movements (CMA)", "Wagner Group"},
		stems: []string{"Azawad", "Liptako", "Gourma", "Macina", "Sahel", "Niger River", "Adrar", "Hombori", "Seno"},
	},
	{
		name: "Horn of Africa",
		countries: []country{
			{"Somalia", "Somali", "Mogadishu"}, {"Ethiopia", "Ethiopian", "Addis Ababa"},
			{"Kenya", "Kenyan", "Nairobi"}, {"Eritrea", "Eritrean", "Asmara"},
			{"Djibouti", "Djiboutian", "Djibouti"}, {"Sudan", "Sudanese", "Khartoum"},
			{"Uganda", "Ugandan", "Kampala"},
		},
		places: []place{
			{"Kismayo", 0}, {"Baidoa", 0}, {"Beledweyne", 0}, {"Galkayo", 0}, {"Bosaso", 0}, {"Jowhar", 0},
			{"Lower Shabelle", 0}, {"Jubaland", 0}, {"Puntland", 0}, {"Tigray", 1}, {"Amhara", 1},
			{"Dire Dawa", 1}, {"Mandera", 2}, {"Garissa", 2}, {"Lamu", 2}, {"Darfur", 5}, {"Port Sudan", 5},
		},
		first: []string{"Abdirahman", "Mohamed", "Hassan", "Abdullahi", "Farah", "Ahmed", "Omar", "Yusuf",
			"Abdiweli", "Mukhtar", "Hodan", "Amina", "Ilhan", "Fadumo", "Dahir", "Abdikadir", "Bashir",
			"Tesfaye", "Getachew", "Alemu", "Dawit", "Mesfin", "Kiprono", "Wanjiru", "Otieno"},
		last: []string{"Warsame", "Hirsi", "Jama", "Aden", "Dirie", "Egal", "Guled", "Ismail", "Nur",
			"Samatar", "Abdi", "Osman", "Farah", "Elmi", "Hussein", "Gedi", "Roble", "Tadesse", "Bekele",
			"Gebremedhin", "Haile", "Mengistu", "Kamau", "Mwangi", "Ochieng"},
		groups: []string{"al-Shabaab", "Islamic State Somalia Province (ISS)", "Tigray Defence Forces (TDF)",
			"Fano", "Oromo Liberation Army (OLA)", "Rapid Support Forces (RSF)", "Ahlu Sunna Wal Jama'a (ASWJ)"},
		stems: []string{"Juba", "Shabelle", "Ogaden", "Benadir", "Hiiraan", "Gedo", "Sanaag", "Awdal"},
	},
	{
		name: "Levant",
		countries: []country{
			{"Syria", "Syrian", "Damascus"}, {"Lebanon", "Lebanese", "Beirut"}, {"Iraq", "Iraqi", "Baghdad"},
			{"Jordan", "Jordanian", "Amman"}, {"Israel", "Israeli", "Jerusalem"}, {"Turkey", "Turkish", "Ankara"},
			{"Iran", "Iranian", "Tehran"}, {"Egypt", "Egyptian", "Cairo"},
		},
		places: []place{
			{"Idlib", 0}, {"Aleppo", 0}, {"Deir ez-Zor", 0}, {"Raqqa", 0}, {"Homs", 0}, {"Daraa", 0},
			{"Hasakah", 0}, {"Tripoli", 1}, {"Baalbek", 1}, {"South Lebanon", 1}, {"Mosul", 2}, {"Kirkuk", 2},
			{"Anbar", 2}, {"Erbil", 2}, {"Sinjar", 2}, {"Gaziantep", 5}, {"Hatay", 5}, {"Sinai", 7}, {"Golan Heights", 4},
		},
		first: []string{"Khaled", "Mahmoud", "Ali", "Hussein", "Omar", "Bassam", "Walid", "Nabil", "Rami",
			"Samir", "Ziad", "Firas", "Ammar", "Majid", "Tariq", "Hadi", "Layla", "Rania", "Huda", "Nour",
			"Abbas", "Jamil", "Karim", "Munir", "Yasser"},
		last: []string{"Haddad", "Khoury", "Nasrallah", "al-Hassan", "al-Masri", "Darwish", "Qassem",
			"Saleh", "al-Jubouri", "al-Obeidi", "Hamdan", "Mansour", "Shami", "Barakat", "Zaidan", "Sabbagh",
			"al-Tamimi", "Aziz", "Yildiz", "Demir", "Kaya", "Celik", "Sahin", "Rezaei", "Moradi"},
		groups: []string{"Hayat Tahrir al-Sham (HTS)", "Hezbollah", "Islamic State", "Hurras al-Din",
			"Syrian Democratic Forces (SDF)", "Kurdistan Workers' Party (PKK)", "Kata'ib Hezbollah",
			"Popular Mobilization Forces (PMF)", "Hamas", "Palestinian Islamic Jihad (PIJ)", "Syrian National Army (SNA)"},
		stems: []string{"Euphrates", "Tawhid", "Sham", "Qalamoun", "Jazira", "Orontes", "Hauran", "Badiya"},
	},
	{
		name: "Afghanistan and Pakistan",
		countries: []country{
			{"Afghanistan", "Afghan", "Kabul"}, {"Pakistan", "Pakistani", "Islamabad"}, {"India", "Indian", "New Delhi"},
			{"Tajikistan", "Tajik", "Dushanbe"}, {"Uzbekistan", "Uzbek", "Tashkent"},
			{"Turkmenistan", "Turkmen", "Ashgabat"}, {"China", "Chinese", "Beijing"},
			{"Kazakhstan", "Kazakh", "Astana"}, {"Kyrgyzstan", "Kyrgyz", "Bishkek"},
		},
		places: []place{
			{"Kandahar", 0}, {"Helmand", 0}, {"Kunduz", 0}, {"Nangarhar", 0}, {"Panjshir", 0}, {"Herat", 0},
			{"Balkh", 0}, {"Badakhshan", 0}, {"Kunar", 0}, {"Khost", 0}, {"Peshawar", 1}, {"Quetta", 1},
			{"Khyber Pakhtunkhwa", 1}, {"Balochistan", 1}, {"North Waziristan", 1}, {"Bajaur", 1},
			{"Karachi", 1}, {"Kashmir", 2}, {"Fergana Valley", 4}, {"Xinjiang", 6},
		},
		first: []string{"Abdul", "Mohammad", "Ahmad", "Gul", "Hamid", "Rahmatullah", "Zabihullah",
			"Amir", "Sher", "Nasir", "Hekmatullah", "Sirajuddin", "Noor", "Fazal", "Imran", "Shahid",
			"Asif", "Bilal", "Zahir", "Qari", "Mawlawi", "Farida", "Malalai", "Shabana", "Anwar"},
		last: []string{"Haqqani", "Akhund", "Rahimi", "Wardak", "Popal", "Mehsud", "Afridi", "Yousafzai",
			"Khan", "Durrani", "Karzai", "Niazi", "Mangal", "Zadran", "Stanikzai", "Hotak", "Baloch",
			"Shinwari", "Achakzai", "Mohmand", "Kakar", "Qureshi", "Rasuli", "Safi", "Noorzai"},
		groups: []string{"Taliban", "Tehrik-i-Taliban Pakistan (TTP)", "Islamic State Khorasan Province (ISKP)",
			"al-Qaeda", "Haqqani Network", "National Resistance Front (NRF)", "Baloch Liberation Army (BLA)",
			"Lashkar-e-Taiba (LeT)", "Jaish-e-Mohammed (JeM)", "Turkistan Islamic Party (TIP)",
			"Islamic Movement of Uzbekistan (IMU)", "Jamaat ul-Ahrar"},
		stems: []string{"Khorasan", "Hindu Kush", "Waziristan", "Kunar", "Tirah", "Swat", "Zabul", "Mohmand"},
	},
	{
		name: "Caucasus",
		countries: []country{
			{"Russia", "Russian", "Moscow"}, {"Georgia", "Georgian", "Tbilisi"}, {"Armenia", "Armenian", "Yerevan"},
			{"Azerbaijan", "Azerbaijani", "Baku"}, {"Ukraine", "Ukrainian", "Kyiv"}, {"Belarus", "Belarusian", "Minsk"},
		},
		places: []place{
			{"Chechnya", 0}, {"Dagestan", 0}, {"Ingushetia", 0}, {"Grozny", 0}, {"Makhachkala", 0},
			{"Nalchik", 0}, {"North Caucasus", 0}, {"Pankisi Gorge", 1}, {"Abkhazia", 1}, {"South Ossetia", 1},
			{"Syunik", 2}, {"Nagorno-Karabakh", 3}, {"Nakhchivan", 3}, {"Shusha", 3}, {"Donetsk", 4},
			{"Zaporizhzhia", 4}, {"Kharkiv", 4}, {"Crimea", 4},
		},
		first: []string{"Ramzan", "Magomed", "Akhmed", "Ruslan", "Shamil", "Aslan", "Zelimkhan", "Adam",
			"Dmitry", "Sergei", "Alexei", "Nikolai", "Igor", "Viktor", "Oleg", "Giorgi", "Levan", "Armen",
			"Tigran", "Elnur", "Rashad", "Natalia", "Elena", "Tamara", "Madina"},
		last: []string{"Kadyrov", "Dudayev", "Basayev", "Umarov", "Magomedov", "Aliyev", "Zakayev",
			"Delimkhanov", "Yevloyev", "Petrov", "Volkov", "Sokolov", "Morozov", "Lebedev", "Kozlov",
			"Beridze", "Kapanadze", "Gelashvili", "Sargsyan", "Hakobyan", "Grigoryan", "Mammadov",
			"Huseynov", "Ivanenko", "Shevchenko"},
		groups: []string{"Caucasus Emirate", "Sheikh Mansur Battalion", "Dzhokhar Dudayev Battalion",
			"Akhmat special forces", "Islamic State Caucasus Province", "Ajnad al-Kavkaz", "Russian Volunteer Corps (RDK)"},
		stems: []string{"Kavkaz", "Argun", "Vedeno", "Terek", "Sunzha", "Shali", "Darial", "Elbrus"},
	},
	{
		name: "Yemen and the Gulf",
		countries: []country{
			{"Yemen", "Yemeni", "Sanaa"}, {"Saudi Arabia", "Saudi", "Riyadh"},
			{"United Arab Emirates", "Emirati", "Abu Dhabi"}, {"Oman", "Omani", "Muscat"},
			{"Qatar", "Qatari", "Doha"}, {"Bahrain", "Bahraini", "Manama"},
		},
		places: []place{
			{"Hodeidah", 0}, {"Aden", 0}, {"Marib", 0}, {"Taiz", 0}, {"Saada", 0}, {"Mukalla", 0},
			{"Hadramawt", 0}, {"Shabwa", 0}, {"Abyan", 0}, {"Bab el-Mandeb", 0}, {"Red Sea", 0},
			{"Jizan", 1}, {"Najran", 1}, {"Socotra", 0}, {"Gulf of Aden", 0}, {"Dhofar", 3},
		},
		first: []string{"Abdulmalik", "Yahya", "Saleh", "Mohammed", "Abdullah", "Tareq", "Aidarous",
			"Rashad", "Hadi", "Naif", "Faisal", "Sultan", "Hamad", "Khalid", "Saeed", "Fahd", "Nawaf",
			"Mansour", "Ali", "Hamoud", "Aisha", "Tawakkol", "Bushra", "Saba", "Jamal"},
		last: []string{"al-Houthi", "Saree", "al-Alimi", "al-Zubaidi", "al-Sharafi", "al-Hamdani",
			"al-Ahmar", "al-Awlaki", "al-Batati", "al-Qahtani", "al-Harbi", "al-Otaibi", "al-Dosari",
			"al-Mazrouei", "al-Shamsi", "al-Busaidi", "al-Thani", "al-Kuwari", "bin Salman", "al-Maqdashi",
			"al-Sanani", "al-Yafei", "al-Awadi", "Bamatraf", "al-Rubaie"},
		groups: []string{"Houthis", "al-Qaeda in the Arabian Peninsula (AQAP)", "Southern Transitional Council (STC)",
			"Giants Brigades", "Security Belt Forces", "Hadrami Elite Forces"},
		stems: []string{"Tihama", "Hadramawt", "Bayda", "Jawf", "Mahra", "Lahij", "Dhale", "Marib"},
	},
	{
		name: "Europe and North America",
		countries: []country{
			{"United States", "American", "Washington"}, {"United Kingdom", "British", "London"},
			{"France", "French", "Paris"}, {"Germany", "German", "Berlin"}, {"Italy", "Italian", "Rome"},
			{"Canada", "Canadian", "Ottawa"}, {"Norway", "Norwegian", "Oslo"}, {"Netherlands", "Dutch", "The Hague"},
		},
		places: []place{
			{"Brussels", 6}, {"Geneva", 4}, {"New York", 0}, {"Vienna", 3}, {"Munich", 3}, {"Marseille", 2},
			{"Stuttgart", 3}, {"Tampa", 0},
		},
		first: []string{"John", "Michael", "David", "James", "Robert", "Sarah", "Emily", "Catherine",
			"Anne", "Laura", "Pierre", "Jean", "Marc", "Sophie", "Claire", "Thomas", "Markus", "Stefan",
			"Giulia", "Marco", "Lars", "Ingrid", "Pieter", "Hans", "Charlotte"},
		last: []string{"Miller", "Harris", "Turner", "Walsh", "Bennett", "Carter", "Hughes", "Fletcher",
			"Dupont", "Lefebvre", "Moreau", "Girard", "Fontaine", "Schneider", "Becker", "Hoffmann",
			"Weber", "Rossi", "Bianchi", "Ricci", "Johansen", "Larsen", "de Vries", "Jansen", "Bakker"},
		groups: []string{},
		stems:  []string{"Atlantic", "Northern", "Meridian", "Summit", "Harbor", "Crown", "Beacon", "Keystone"},
	},
}

// international organizations: name and acronym (real).
var internationalOrgs = [][2]string{
	{"United Nations", "UN"}, {"African Union", "AU"}, {"European Union", "EU"},
	{"North Atlantic Treaty Organization", "NATO"}, {"Economic Community of West African States", "ECOWAS"},
	{"Shanghai Cooperation Organisation", "SCO"}, {"Collective Security Treaty Organization", "CSTO"},
	{"Organisation of Islamic Cooperation", "OIC"}, {"Intergovernmental Authority on Development", "IGAD"},
	{"Arab League", ""}, {"United Nations High Commissioner for Refugees", "UNHCR"},
	{"World Food Programme", "WFP"}, {"International Committee of the Red Cross", "ICRC"},
	{"International Organization for Migration", "IOM"}, {"United Nations Security Council", "UNSC"},
	{"United Nations Assistance Mission in Afghanistan", "UNAMA"},
	{"African Union Transition Mission in Somalia", "ATMIS"}, {"Gulf Cooperation Council", "GCC"},
	{"International Atomic Energy Agency", "IAEA"}, {"Financial Action Task Force", "FATF"},
	{"Organization for Security and Co-operation in Europe", "OSCE"}, {"International Criminal Court", "ICC"},
}

// state bodies built per country: "<Demonym> <body>".
var stateBodies = []struct{ body, role string }{
	{"Ministry of Defence", "Defence Minister"}, {"Ministry of Foreign Affairs", "Foreign Minister"},
	{"Ministry of the Interior", "Interior Minister"}, {"National Security Council", "National Security Adviser"},
	{"General Intelligence Directorate", "intelligence chief"}, {"Armed Forces", "Chief of General Staff"},
	{"Parliament", "Speaker of Parliament"}, {"Border Guard", "head of the Border Guard"},
}

// patterns for invented armed groups; %s is a stem or place.
var groupPatterns = []string{
	"Front for the Liberation of %s", "%s Martyrs Brigade", "Army of %s", "%s Defence Forces",
	"Movement for the Salvation of %s", "%s Self-Defence Militia", "Ansar al-%s", "Jaysh %s",
	"%s Resistance Front", "Islamic Front of %s", "%s Popular Army", "Katibat %s",
}

// patterns for invented companies and non-governmental organizations.
var orgPatterns = []string{
	"%s General Trading", "%s Logistics", "%s Relief Foundation", "%s Mining Company",
	"%s Petroleum Services", "%s Institute for Strategic Studies", "%s Human Rights Observatory",
	"%s Charitable Society", "%s Shipping Company", "%s Media Network",
}

var groupRoles = []string{"commander", "spokesman", "emir", "deputy leader", "field commander", "chief of operations", "senior commander"}
var orgRoles = []string{"director", "spokesperson", "chairman", "chief executive", "senior official"}

var months = []string{"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"}

var numberWords = []string{"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}

var weapons = []string{"assault rifles", "rocket-propelled grenades", "mortar rounds", "armed drones",
	"anti-tank missiles", "machine guns", "pickup trucks fitted with heavy machine guns",
	"rounds of ammunition", "surface-to-air missiles", "artillery shells", "night-vision devices"}

var aidGoods = []string{"tonnes of wheat", "tonnes of medical supplies", "tents", "tonnes of fuel", "water trucks"}

var topics = []string{"border security", "the return of refugees", "counter-terrorism cooperation",
	"the ceasefire", "prisoner exchanges", "arms smuggling", "humanitarian access", "trade routes",
	"the political transition", "the protection of civilians", "drug trafficking", "energy supplies"}

var accusations = []string{"supporting terrorism", "violating the ceasefire", "killing civilians",
	"smuggling weapons", "harbouring militants", "interfering in its internal affairs",
	"recruiting child soldiers", "attacking aid convoys", "financing armed groups", "election fraud"}

var demands = []string{"release the detained aid workers", "withdraw its forces", "hand over the suspects",
	"open the border crossings", "stop the attacks", "respect the ceasefire", "join the talks",
	"share intelligence on the attackers"}

var fillers = []string{
	"The security situation in %s remains volatile.",
	"Residents of %s describe frequent checkpoints and rising prices.",
	"Humanitarian agencies say access to %s has become more difficult in recent months.",
	"Local officials in %s fear a new wave of displacement.",
	"The economy of %s depends heavily on informal trade across the border.",
	"Analysts expect the fighting around %s to intensify before the rainy season.",
	"Roads leading to %s are regularly closed by improvised explosive devices.",
	"Several schools in %s have been closed since the beginning of the year.",
}
