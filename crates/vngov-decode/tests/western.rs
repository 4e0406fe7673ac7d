//! Ordinary Windows-1252 Western text (English, French, German, and some Spanish,
//! Portuguese and Italian) is never taken for TCVN3 or VNI, line by line and as whole
//! documents: it decodes to itself.

use vngov_decode::{decode, Hint};

const ENGLISH: &str = "the of and to in is that for it as was with be by on not he this are \
    or his from at which but have an they you were her she there been one all we their \
    can has more if will would about into other what some time report council budget \
    meeting minister province citizens approved résumé café naïve coöperate façade \
    fiancée déjà vu über rôle piñata crème brûlée jalapeño Zoë Chloë Renée Beyoncé \
    soufflé entrée protégé “quoted” don’t it’s – — … £ € © ® ° ± × ½ ¼ ¾ § ¶";

const FRENCH: &str = "le la les de des du un une et est en que qui dans pour pas sur au \
    avec ce il elle ne se plus par son été où à là déjà très après première réunion \
    ministère conseil délégués sécurité énergie élève élèves fête forêt hôtel côte \
    château garçon français leçon reçu ça naïf maïs Noël coïncidence aîné boîte île \
    dîner goût août sûr mûr où çà ôter hôpital théâtre écoute étude événement \
    préfecture arrêté décret réglementation économie société année deuxième qu’il \
    l’État d’être s’il aujourd’hui cœur œuvre sœur bœuf Œuvre « guillemets » répondu";

const GERMAN: &str = "der die das und in den von zu mit sich des auf für ist im dem nicht \
    ein eine als auch es an werden aus er hat daß dass sie nach wird bei einer um am \
    sind noch wie einem über einen so zum war haben nur oder aber vor zur bis mehr \
    durch man sein wurde sei Straße Größe größer Grüße schön Schüler Mädchen Bäume \
    Häuser Käse Brücke Tür Öl Ärger Übung müssen können dürfen möglich gemäß Maßnahme \
    Bürgermeister Gemeinderat Öffentlichkeit Verfügung Prüfung Gebühren Zuständigkeit \
    Bundesländer Verordnung Änderung Ausschuß geöffnet natürlich für über Füße süß \
    weiß heißt Fußgänger Weißwurst Lösung Förderung Bevölkerung Stück zurück";

const OTHERS: &str = "año niño señor España mañana información nación corazón según \
    también está más después país días qué cómo dónde Perú Bogotá acción región \
    não São João informações coração mãe pão irmãos lições Brasília órgão órgãos \
    serviço público câmara âmbito você três após até já também estão votação \
    più perché città università può già così lì là caffè Niccolò attività";

const SENTENCES: &[&str] = &[
    "The council approved the budget for the coming year after a long debate.",
    "Please find attached the minutes of the meeting held on 12 March 2019.",
    "Our café serves crème brûlée, soufflé and a naïve little rosé.",
    "Le conseil municipal s’est réuni le 3 février à l’hôtel de ville.",
    "Où est la préfecture ? Là-bas, près de la forêt, après le château.",
    "Les élèves ont reçu leurs résultats : très bien, déjà publiés.",
    "L’arrêté préfectoral du 14 août a été modifié par le décret n° 2004-374.",
    "Die Gemeinde hat die Gebühren für die Straßenreinigung geändert.",
    "Der Bürgermeister grüßt die Bürgerinnen und Bürger recht herzlich.",
    "Über die Änderung der Verordnung wird im Ausschuß beraten.",
    "Für Rückfragen stehen wir Ihnen gern zur Verfügung.",
    "Die Prüfung der Unterlagen ergab keine Beanstandungen; Größe: 3 m².",
    "El señor alcalde informó que la reunión será mañana en la región.",
    "A câmara municipal de São Paulo aprovou as informações do órgão.",
    "La città di Niccolò è più bella, perché già così.",
];

/// A deterministic stream of numbers (no randomness in tests).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

fn lines() -> Vec<String> {
    let lists: Vec<Vec<&str>> = [ENGLISH, FRENCH, GERMAN, OTHERS]
        .iter()
        .map(|l| l.split_whitespace().collect())
        .collect();
    let mut rng = Lcg(2024);
    let mut out: Vec<String> = SENTENCES.iter().map(|s| s.to_string()).collect();
    for i in 0..3000 {
        let words = &lists[i % lists.len()];
        let n = 3 + rng.next(12);
        let mut line: Vec<String> = (0..n)
            .map(|_| words[rng.next(words.len())].to_string())
            .collect();
        if rng.next(3) == 0 {
            let mut first = line[0].chars();
            if let Some(c) = first.next() {
                line[0] = c.to_uppercase().chain(first).collect();
            }
        }
        if rng.next(4) == 0 {
            line.insert(rng.next(n), format!("{}", rng.next(10_000)));
        }
        let end = [".", ",", ";", " ?", "!", ":", ""][rng.next(7)];
        out.push(format!("{}{end}", line.join(" ")));
    }
    out
}

fn cp1252(s: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(s);
    assert!(!unmappable, "{s}");
    bytes.into_owned()
}

fn is_vietnamese_legacy(encoding: &str) -> bool {
    encoding.contains("tcvn3") || encoding.contains("vni") || encoding.contains("viscii")
}

#[test]
fn western_lines_are_never_tcvn3_vni_or_viscii() {
    let lines = lines();
    assert!(lines.len() > 3000);
    let mut with_high_bytes = 0;
    let mut read_as_western = 0;
    for line in &lines {
        let bytes = cp1252(line);
        if bytes.is_ascii() {
            continue;
        }
        with_high_bytes += 1;
        let d = decode(&bytes, &Hint::default()).unwrap();
        assert!(
            !is_vietnamese_legacy(&d.encoding),
            "{line:?} read as {}: {:?}",
            d.encoding,
            d.text
        );
        assert_ne!(d.encoding, "windows-1258", "{line:?}: {:?}", d.text);
        // On a line or two chardetng may guess another European code page; what
        // matters here is that the text is not read as Vietnamese.
        if d.encoding == "windows-1252" {
            assert_eq!(&d.text, line);
            read_as_western += 1;
        }
    }
    assert!(with_high_bytes > 2500, "{with_high_bytes}");
    assert!(
        read_as_western * 10 > with_high_bytes * 9,
        "{read_as_western}"
    );
}

#[test]
fn western_documents_are_never_tcvn3_vni_or_viscii() {
    let lines = lines();
    for chunk in lines.chunks(40) {
        let doc = chunk.join("\n");
        let d = decode(&cp1252(&doc), &Hint::default()).unwrap();
        assert_eq!(d.encoding, "windows-1252");
        assert_eq!(d.text, doc);
    }
}
