// The words zine itself puts in a book ("Contents", "Notes", "Cover", a back link's name), in the book's language.

export interface Labels {
  contents: string;
  notes: string;
  cover: string;
  /** The accessible name of a note's link back to its call; `{n}` is the note's number. */
  backToNote: string;
}

/** By BCP 47 primary language (Chinese by script); the rest take English. */
const LABELS: Record<string, Labels> = {
  en: { contents: 'Contents', notes: 'Notes', cover: 'Cover', backToNote: 'Back to note {n} in the text' },
  zh: { contents: '目录', notes: '注释', cover: '封面', backToNote: '返回正文注释 {n}' },
  'zh-hant': { contents: '目錄', notes: '註釋', cover: '封面', backToNote: '返回正文註釋 {n}' },
  ja: { contents: '目次', notes: '注', cover: '表紙', backToNote: '本文の注 {n} に戻る' },
  ko: { contents: '차례', notes: '주석', cover: '표지', backToNote: '본문의 주석 {n}(으)로 돌아가기' },
  ar: { contents: 'المحتويات', notes: 'الحواشي', cover: 'الغلاف', backToNote: 'العودة إلى الحاشية {n} في النص' },
  fa: { contents: 'فهرست', notes: 'یادداشت‌ها', cover: 'جلد', backToNote: 'بازگشت به یادداشت {n} در متن' },
  ur: { contents: 'فہرست', notes: 'حواشی', cover: 'سرورق', backToNote: 'متن میں حاشیہ {n} پر واپس جائیں' },
  he: { contents: 'תוכן העניינים', notes: 'הערות', cover: 'כריכה', backToNote: 'חזרה להערה {n} בטקסט' },
  hi: { contents: 'विषय सूची', notes: 'टिप्पणियाँ', cover: 'आवरण', backToNote: 'पाठ में टिप्पणी {n} पर लौटें' },
  bn: { contents: 'সূচিপত্র', notes: 'টীকা', cover: 'প্রচ্ছদ', backToNote: 'লেখায় টীকা {n}-এ ফিরুন' },
  ru: { contents: 'Содержание', notes: 'Примечания', cover: 'Обложка', backToNote: 'Назад к примечанию {n} в тексте' },
  uk: { contents: 'Зміст', notes: 'Примітки', cover: 'Обкладинка', backToNote: 'Назад до примітки {n} у тексті' },
  el: { contents: 'Περιεχόμενα', notes: 'Σημειώσεις', cover: 'Εξώφυλλο', backToNote: 'Επιστροφή στη σημείωση {n} στο κείμενο' },
  de: { contents: 'Inhalt', notes: 'Anmerkungen', cover: 'Umschlag', backToNote: 'Zurück zur Anmerkung {n} im Text' },
  fr: { contents: 'Table des matières', notes: 'Notes', cover: 'Couverture', backToNote: 'Retour à la note {n} dans le texte' },
  es: { contents: 'Índice', notes: 'Notas', cover: 'Cubierta', backToNote: 'Volver a la nota {n} en el texto' },
  it: { contents: 'Indice', notes: 'Note', cover: 'Copertina', backToNote: 'Torna alla nota {n} nel testo' },
  pt: { contents: 'Sumário', notes: 'Notas', cover: 'Capa', backToNote: 'Voltar à nota {n} no texto' },
  sv: { contents: 'Innehåll', notes: 'Noter', cover: 'Omslag', backToNote: 'Tillbaka till not {n} i texten' },
  nl: { contents: 'Inhoud', notes: 'Noten', cover: 'Omslag', backToNote: 'Terug naar noot {n} in de tekst' },
  pl: { contents: 'Spis treści', notes: 'Przypisy', cover: 'Okładka', backToNote: 'Powrót do przypisu {n} w tekście' },
  tr: { contents: 'İçindekiler', notes: 'Notlar', cover: 'Kapak', backToNote: 'Metindeki {n} numaralı nota dön' },
  vi: { contents: 'Mục lục', notes: 'Chú thích', cover: 'Bìa', backToNote: 'Quay lại chú thích {n} trong văn bản' },
  th: { contents: 'สารบัญ', notes: 'เชิงอรรถ', cover: 'ปก', backToNote: 'กลับไปยังเชิงอรรถ {n} ในเนื้อหา' },
};

/** The labels for `lang` (Traditional Chinese by its script or region), with `overrides` from zine.yaml on top. */
export function labelsFor(lang: string, overrides: Partial<Labels> = {}): Labels {
  const tag = lang.toLowerCase();
  const traditional = /^zh-(hant|tw|hk|mo)\b/.test(tag);
  const base = LABELS[traditional ? 'zh-hant' : tag.split('-')[0]!] ?? LABELS.en!;
  return { ...base, ...Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)) };
}
