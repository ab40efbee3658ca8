/**
 * Personal names for synthetic patients, from the naming traditions a clinic in East Africa
 * meets, and the misspellings nurses and patients really make. Benchmarks and demo data use
 * them so that search is exercised on the names it will meet: several scripts, diacritics,
 * spelling variants of one name (Mohamed/Muhammad), clan names shared by thousands.
 */
import type { Rng } from './random';

export type Region = 'east-african' | 'west-african' | 'arabic' | 'south-asian' | 'european';

export interface Tradition {
  name: string;
  region: Region;
  female: readonly string[];
  male: readonly string[];
  family: readonly string[];
  /**
   * Ethiopian style: a person's second name is their father's given name, so a child's
   * father is "<child's family name> <grandfather's name>".
   */
  patronymic?: boolean;
}

/** Comma-separated lists keep the data readable; names may contain spaces and apostrophes. */
const list = (text: string): readonly string[] =>
  text
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');

// Christian and Muslim given names are as common as traditional ones in the region.
const COMMON_FEMALE = list('Grace, Esther, Sarah, Ruth, Florence, Agnes, Harriet, Joyce, Mary, Rose, Prossy, Aisha');
const COMMON_MALE = list('John, Joseph, Moses, Peter, Samuel, David, Isaac, Ronald, Emmanuel, Patrick, Ibrahim');

export const TRADITIONS: readonly Tradition[] = [
  {
    name: 'luganda',
    region: 'east-african',
    female: [
      ...list(
        'Nakato, Babirye, Namubiru, Nabirye, Kisakye, Nansubuga, Nalwoga, Namaganda, Nakimuli, Nassali, Nalubega, Namatovu',
      ),
      ...COMMON_FEMALE,
    ],
    male: [
      ...list('Kato, Waiswa, Mukasa, Ssemakula, Ssekandi, Lubega, Kizito, Mugisha, Tumusiime, Kasozi, Musoke, Wasswa'),
      ...COMMON_MALE,
    ],
    family: list(
      'Ssemwanga, Mukasa, Kasozi, Ssebunya, Nsubuga, Kiggundu, Lubega, Mugerwa, Kayondo, Ssali, Kigozi, Musoke, Ssentongo, Walusimbi, Kyeyune, Namukasa, Nakitende, Ssewankambo, Kawooya, Lwanga',
    ),
  },
  {
    name: 'luo',
    region: 'east-african',
    female: [
      ...list('Achieng, Akinyi, Atieno, Adhiambo, Awino, Anyango, Auma, Akoth, Apiyo, Akello'),
      ...COMMON_FEMALE,
    ],
    male: [...list('Ochieng, Otieno, Odhiambo, Omondi, Onyango, Owino, Oduor, Okello, Ouma, Okoth'), ...COMMON_MALE],
    family: list(
      'Okello, Ochieng, Otieno, Odhiambo, Omondi, Onyango, Owino, Oduor, Obura, Ouma, Okoth, Opiyo, Oketch, Awuor, Olang, Ogutu, Oloo, Were',
    ),
  },
  {
    name: 'kikuyu',
    region: 'east-african',
    female: [
      ...list('Wanjiru, Wambui, Njeri, Wairimu, Nyambura, Wanjiku, Muthoni, Wangari, Njoki, Wangui'),
      ...COMMON_FEMALE,
    ],
    male: [
      ...list('Kamau, Mwangi, Njoroge, Kariuki, Kimani, Githinji, Macharia, Gitau, Kinyua, Muriuki'),
      ...COMMON_MALE,
    ],
    family: list(
      'Kamau, Mwangi, Njoroge, Kariuki, Kimani, Githinji, Macharia, Wainaina, Gitau, Kinyua, Muriuki, Ndungu, Waweru, Njuguna, Kiarie, Mugo, Karanja, Maina',
    ),
  },
  {
    name: 'swahili',
    region: 'east-african',
    female: [
      ...list('Zawadi, Neema, Rehema, Halima, Amani, Imani, Mwanaisha, Saida, Subira, Tumaini, Mwajuma'),
      ...COMMON_FEMALE,
    ],
    male: [...list('Juma, Baraka, Hamisi, Bakari, Rashidi, Salim, Jabari, Daudi, Shabani, Ramadhani'), ...COMMON_MALE],
    family: list(
      'Mwakilema, Mohamedi, Juma, Hamisi, Mrisho, Mfinanga, Msuya, Kimaro, Massawe, Mushi, Lyimo, Shirima, Mollel, Mwinyi, Kikwete, Salum, Mkapa, Mbwana',
    ),
  },
  {
    name: 'amharic',
    region: 'east-african',
    patronymic: true,
    female: list(
      'Tigist, Meseret, Selam, Aster, Marta, Tsehay, Workinesh, Yeshi, Hiwot, Mekdes, Almaz, Genet, Liya, Meron',
    ),
    male: list(
      'Abebe, Kebede, Tadesse, Haile, Birhanu, Alemu, Henok, Yohannes, Mulugeta, Fasil, Dereje, Tesfaye, Dawit, Yonas',
    ),
    family: list(
      'Tadesse, Bekele, Kebede, Haile, Alemu, Girma, Tesfaye, Wolde, Mengistu, Gebremedhin, Assefa, Desta, Negash, Abebe, Mekonnen, Getachew, Worku, Tilahun',
    ),
  },
  {
    // Names written in Ge'ez script, as an Ethiopian nurse types them.
    name: 'amharic-geez',
    region: 'east-african',
    patronymic: true,
    female: list('ትግስት, መሰረት, ሰላም, አስቴር, ፀሐይ, ሕይወት, መቅደስ, አልማዝ, ገነት, ማርታ, የሺ, ወርቅነሽ'),
    male: list('አበበ, ከበደ, ታደሰ, ኃይሌ, ብርሃኑ, ዓለሙ, ሄኖክ, ዮሐንስ, ሙሉጌታ, ፋሲል, ደረጀ, በቀለ, ተስፋዬ, ግርማ, ዳዊት'),
    family: list('ታደሰ, በቀለ, ከበደ, ኃይሌ, ዓለሙ, ግርማ, ተስፋዬ, ወልዴ, መንግሥቱ, አሰፋ, ደስታ, መኮንን, አበበ, ጌታቸው'),
  },
  {
    name: 'yoruba',
    region: 'west-african',
    female: list(
      'Adebola, Folasade, Olufunke, Yetunde, Funmilayo, Omolara, Adeola, Titilayo, Abimbola, Temitope, Oluwaseun, Bukola, Morenike',
    ),
    male: list(
      'Adebayo, Oluwaseun, Babatunde, Olumide, Adewale, Oluwafemi, Tunde, Kayode, Segun, Ayodele, Olusegun, Femi, Gbenga',
    ),
    family: list(
      'Adeyemi, Ogunleye, Adebayo, Ogunbiyi, Adewale, Olaniyan, Akinola, Oladipo, Ogundipe, Afolabi, Ajayi, Balogun, Fashola, Oyelaran',
    ),
  },
  {
    name: 'igbo',
    region: 'west-african',
    female: list(
      'Chiamaka, Ngozi, Adaeze, Chinwe, Ifeoma, Nkechi, Uchenna, Obiageli, Amarachi, Chidinma, Chioma, Ebere',
    ),
    male: list(
      'Chinedu, Emeka, Obinna, Ikenna, Chukwuemeka, Nnamdi, Uche, Kelechi, Ifeanyi, Chibuike, Chijioke, Okechukwu',
    ),
    family: list(
      'Okafor, Okonkwo, Eze, Nwosu, Obi, Nwachukwu, Chukwu, Okeke, Onyeka, Ibe, Nwankwo, Anyanwu, Okoro, Ugwu',
    ),
  },
  {
    name: 'hausa',
    region: 'west-african',
    female: list('Aisha, Hauwa, Zainab, Amina, Hadiza, Fatima, Maryam, Bilkisu, Rakiya, Safiya, Halima, Jamila'),
    male: list('Abubakar, Musa, Ibrahim, Sani, Yusuf, Aliyu, Usman, Garba, Bello, Lawal, Nasiru, Shehu'),
    family: list(
      'Abubakar, Bello, Danjuma, Garba, Lawal, Mohammed, Sani, Shehu, Usman, Yakubu, Aminu, Dangote, Suleiman, Idris',
    ),
  },
  {
    name: 'akan',
    region: 'west-african',
    female: list('Akosua, Adwoa, Abena, Akua, Yaa, Afua, Ama, Efua, Esi, Adjoa, Akosia, Araba'),
    male: list('Kwame, Kofi, Kwabena, Kwaku, Yaw, Kwadwo, Kwasi, Kojo, Kwesi, Ekow, Kobina, Kwamena'),
    family: list(
      'Mensah, Owusu, Boateng, Asante, Osei, Agyeman, Appiah, Acheampong, Antwi, Darko, Frimpong, Amoah, Ofori, Ansah, Bonsu',
    ),
  },
  {
    name: 'wolof',
    region: 'west-african',
    female: list('Fatou, Awa, Aminata, Khady, Ndeye, Coumba, Mariama, Adama, Sokhna, Astou, Bineta, Dieynaba'),
    male: list('Mamadou, Moussa, Ousmane, Cheikh, Abdoulaye, Modou, Ibrahima, Babacar, Serigne, Pape, Lamine, Aliou'),
    family: list(
      "Diop, Ndiaye, N'Diaye, Fall, Sow, Diallo, Ba, Gueye, Faye, Sarr, Mbaye, Cissé, Ndour, Thiam, Seck, Sy, Niang",
    ),
  },
  {
    // Spelling variants of one name are deliberate: the search must bring them together.
    name: 'arabic',
    region: 'arabic',
    female: list(
      'Aisha, Aysha, Ayesha, Fatima, Fatuma, Fatma, Khadija, Khadijah, Maryam, Mariam, Zainab, Zaynab, Amina, Aminah, Layla, Leila, Noor, Nour, Huda, Salma, Samira, Yasmin, Yasmine, Rania, Hana, Hanan, Sara, Mona, Dalia, Reem, Rim, Asma, Nadia, Hawa, Sumaya, Safia',
    ),
    male: list(
      'Mohamed, Muhammad, Mohammed, Mohammad, Ahmed, Ahmad, Mahmoud, Mahmud, Omar, Umar, Ali, Hassan, Hasan, Hussein, Husain, Ibrahim, Youssef, Yusuf, Khaled, Khalid, Abdullah, Abdallah, Mustafa, Mostafa, Karim, Kareem, Tariq, Tarek, Said, Saeed, Hamza, Bilal, Ismail, Osman, Othman, Salah, Adel, Walid, Rashid, Nabil',
    ),
    family: list(
      'Al-Hassan, Hassan, Abdelrahman, Abdel-Rahman, Mahmoud, Ibrahim, Mansour, Mansur, Haddad, Khalil, Nasser, El-Sayed, Elsayed, Saleh, Salih, Hamdan, Qasim, Kassim, Osman, Othman, Farouk, Farooq, Suleiman, Sulaiman, Abdi, Warsame, Farah, Hussein, Yusuf, Omar, Ali, Aden, Jama, Hersi, Nur, Karim, Rahman, Zaki, Haidar, Najjar, Darwish, Awad, Jaber, Hamid, Hamed, Bashir, Rashed, Aziz, Mohamed, Muhammad, Abdullahi, Sheikh, Mahdi, Idris, Issa, Musa, Hashim, Khamis, Said, Shariff',
    ),
  },
  {
    name: 'south-asian',
    region: 'south-asian',
    female: list(
      'Priya, Anjali, Sunita, Kavita, Pooja, Neha, Deepa, Lakshmi, Meena, Radha, Sita, Geeta, Asha, Rekha, Divya, Shreya, Aishwarya, Nisha, Farzana, Nasreen, Shabnam, Parveen, Ruksana, Tahmina, Nusrat, Sadia, Ananya, Kiran, Harpreet, Gurpreet, Manpreet, Simran, Jaspreet, Shanthi, Kamala, Nirmala',
    ),
    male: list(
      'Rahul, Amit, Sanjay, Rajesh, Vijay, Arjun, Ravi, Suresh, Ramesh, Anil, Sunil, Vikram, Arun, Mahesh, Ganesh, Karthik, Prakash, Deepak, Imran, Asif, Faisal, Kamal, Rafiq, Harjit, Gurdeep, Manjit, Sandeep, Rohan, Aditya, Nikhil, Siddharth, Venkatesh, Srinivas, Mohan, Krishna',
    ),
    family: list(
      'Sharma, Patel, Singh, Kumar, Gupta, Shah, Mehta, Joshi, Desai, Reddy, Rao, Nair, Menon, Iyer, Pillai, Das, Bose, Chatterjee, Banerjee, Mukherjee, Sen, Ghosh, Khan, Hossain, Rahman, Chowdhury, Ahmed, Begum, Akter, Islam, Siddiqui, Qureshi, Malik, Butt, Chaudhry, Gill, Sandhu, Dhillon, Grewal, Perera, Fernando, Jayawardena, Wickramasinghe, Shrestha, Thapa, Gurung, Tamang, Pandey, Mishra, Tiwari, Verma, Yadav, Agarwal, Kapoor, Malhotra, Bhatt, Naidu, Krishnan, Subramanian, Bhattacharya, Dutta',
    ),
  },
  {
    // Diacritics and letters outside ASCII: the search folds Müller and Muller together.
    name: 'european',
    region: 'european',
    female: list(
      'Zoë, Chloé, Anaïs, Léa, Hélène, Inés, María, Lucía, Sofía, Joana, Małgorzata, Agnieszka, Zofia, Katarzyna, Anna, Emma, Hannah, Lena, Ingrid, Åsa, Sigríður, Björk, Maja, Ayşe, Zeynep, Chiara, Giulia, Francesca, Emily, Olivia, Charlotte, Sophie, Claire, Marie, Renée, Noémie, Ivana, Jelena, Eleni, Siobhán, Aoife, Niamh, Saoirse, Ewa, Dorota',
    ),
    male: list(
      'José, João, Łukasz, Paweł, Michał, Krzysztof, Jürgen, Jörg, Günther, Stefan, Søren, Bjørn, Håkon, Lars, Mikael, François, René, Jérôme, Benoît, Loïc, André, Thomas, Pierre, Luca, Marco, Giuseppe, Alessandro, Andrés, Íñigo, Ramón, Miguel, Javier, Tomáš, Jiří, Dušan, Miloš, Nikola, Dimitris, Seán, Pádraig, Ciarán, Oliver, James, Henrik, Mehmet, Çağlar',
    ),
    family: list(
      "Müller, Schröder, Schäfer, Köhler, Groß, Weiß, Meyer, Schmidt, Fischer, Wagner, Becker, Hoffmann, García, Fernández, González, Rodríguez, López, Martínez, Sánchez, Pérez, Muñoz, Núñez, Ibáñez, Silva, Gonçalves, Conceição, Araújo, Magalhães, Dubois, Lefèvre, Mercier, Girard, Lévêque, Moreau, Rossi, Russo, Bianchi, Esposito, Nowak, Kowalski, Wiśniewski, Wójcik, Kamiński, Zieliński, Dąbrowski, Łuczak, Novák, Dvořák, Černý, Svoboda, Jørgensen, Sørensen, Andersson, Öberg, Åström, Lindqvist, Smith, Taylor, O'Brien, O'Connor, Ó Súilleabháin, MacDonald, Papadopoulos, Yılmaz, Şahin, Öztürk, Çelik, Jovanović, Petrović, Horváth, Kovács, Szabó",
    ),
  },
];

/** How often each region's names come up in the catchment of an East African clinic. */
export const REGION_WEIGHTS: readonly (readonly [Region, number])[] = [
  ['east-african', 50],
  ['west-african', 18],
  ['arabic', 14],
  ['south-asian', 10],
  ['european', 8],
];

/** Within East Africa, Luganda and Luo names dominate a Ugandan clinic; Ge'ez script is rarer. */
const TRADITION_WEIGHTS: Record<string, number> = {
  luganda: 4,
  luo: 3,
  kikuyu: 2,
  swahili: 2,
  amharic: 1.2,
  'amharic-geez': 0.8,
};

export function pickTradition(rng: Rng): Tradition {
  const region = rng.weighted(REGION_WEIGHTS);
  const choices = TRADITIONS.filter((t) => t.region === region).map(
    (t) => [t, TRADITION_WEIGHTS[t.name] ?? 1] as const,
  );
  return rng.weighted(choices);
}

// ---------------------------------------------------------------------------------------------
// Misspellings: the mistakes made when a name is heard, not read.

const LATIN = /\p{Script=Latin}/u;
const CONSONANT = /[bcdfgjklmnprstvz]/i;
const SWAP_VOWELS = ['a', 'e', 'o', 'u'];

type Edit = (word: string, rng: Rng) => string | null;

function matchCase(template: string, ch: string): string {
  return template === template.toUpperCase() ? ch.toUpperCase() : ch.toLowerCase();
}

function positions(word: string, test: (ch: string, i: number) => boolean): number[] {
  const found: number[] = [];
  for (let i = 0; i < word.length; i++) if (test(word[i]!, i)) found.push(i);
  return found;
}

const EDITS: Edit[] = [
  // Nakkato → Nakato
  (w, rng) => {
    const at = positions(w, (ch, i) => i > 0 && CONSONANT.test(ch) && w[i - 1]?.toLowerCase() === ch.toLowerCase());
    if (at.length === 0) return null;
    const i = rng.pick(at);
    return w.slice(0, i) + w.slice(i + 1);
  },
  // Nakato → Nakkato
  (w, rng) => {
    const at = positions(
      w,
      (ch, i) =>
        i > 0 &&
        i < w.length - 1 &&
        CONSONANT.test(ch) &&
        w[i + 1]?.toLowerCase() !== ch.toLowerCase() &&
        w[i - 1]?.toLowerCase() !== ch.toLowerCase(),
    );
    if (at.length === 0) return null;
    const i = rng.pick(at);
    return w.slice(0, i + 1) + w[i]!.toLowerCase() + w.slice(i + 1);
  },
  // Mohamed → Mohamad, Okello → Okella
  (w, rng) => {
    const at = positions(w, (ch, i) => i > 0 && SWAP_VOWELS.includes(ch.toLowerCase()));
    if (at.length === 0) return null;
    const i = rng.pick(at);
    const others = SWAP_VOWELS.filter((v) => v !== w[i]!.toLowerCase());
    return w.slice(0, i) + matchCase(w[i]!, rng.pick(others)) + w.slice(i + 1);
  },
  // Ahmed → Amed, Hassan → Assan
  (w, rng) => {
    const at = positions(w, (ch) => ch.toLowerCase() === 'h');
    if (at.length === 0) return null;
    const i = rng.pick(at);
    const out = w.slice(0, i) + w.slice(i + 1);
    return i === 0 ? out.charAt(0).toUpperCase() + out.slice(1) : out;
  },
  // Aysha → Aisha, Yusuf → Iusuf is unlikely: only inside the word
  (w, rng) => {
    const at = positions(w, (ch, i) => i > 0 && (ch === 'y' || ch === 'i'));
    if (at.length === 0) return null;
    const i = rng.pick(at);
    return w.slice(0, i) + (w[i] === 'y' ? 'i' : 'y') + w.slice(i + 1);
  },
  // Otieno → Oteino: two letters typed in the wrong order
  (w, rng) => transpose(w, rng),
];

/**
 * Adjacent transposition works in any script, on code points (Ge'ez syllables are one each).
 * The first letter stays: people rarely get that wrong, and the search keeps it.
 */
function transpose(word: string, rng: Rng): string | null {
  const chars = [...word];
  const at: number[] = [];
  for (let i = 1; i < chars.length - 1; i++) if (chars[i] !== chars[i + 1]) at.push(i);
  if (at.length === 0) return null;
  const i = rng.pick(at);
  [chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!];
  return chars.join('');
}

const ETHIOPIC = /^[\u1200-\u137f]+$/u;

/**
 * Ge'ez syllables come in rows of eight (one consonant, each vowel order), so a misheard
 * vowel is the same consonant in another column: በ (be) → ቡ (bu).
 */
function ethiopicVowel(word: string, rng: Rng): string | null {
  const chars = [...word];
  const at = [...chars.keys()].filter((i) => i > 0);
  if (at.length === 0) return null;
  const i = rng.pick(at);
  const cp = chars[i]!.codePointAt(0)!;
  const base = cp - ((cp - 0x1200) % 8);
  const order = (cp - base + rng.int(1, 6)) % 7;
  chars[i] = String.fromCodePoint(base + order);
  return chars.join('');
}

function misspellWord(word: string, rng: Rng): string {
  if (ETHIOPIC.test(word)) {
    const out = rng.chance(0.5) ? (transpose(word, rng) ?? ethiopicVowel(word, rng)) : ethiopicVowel(word, rng);
    return out ?? word;
  }
  if (!LATIN.test(word)) return transpose(word, rng) ?? word;
  // Try the edits in a random order; the first one that applies and changes the word wins.
  const order = [...EDITS.keys()];
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (const index of order) {
    const out = EDITS[index]!(word, rng);
    if (out !== null && out !== word) return out;
  }
  return word;
}

/**
 * A realistic misspelling of a name: one word is changed by one of doubled/undoubled
 * consonant, vowel swap (a/e/o/u), dropped h, y/i swap or adjacent transposition.
 * Words too short to misspell plausibly (under 3 letters) are left alone.
 */
export function misspell(name: string, rng: Rng): string {
  const words = name.split(' ');
  const candidates = [...words.keys()].filter((i) => [...words[i]!].length >= 3);
  if (candidates.length === 0) return name;
  const i = rng.pick(candidates);
  words[i] = misspellWord(words[i]!, rng);
  return words.join(' ');
}
