/** Growth charts on the patient page: WHO's terms, chart labels and the core's messages. */
import type { Catalog } from './catalog-type';

export const growth: Catalog = {
  fr: {
    Growth: 'Croissance',
    'Loading growth charts…': 'Chargement des courbes de croissance…',
    'Against the WHO Child Growth Standards; lines at z-scores −3, −2, 0, +2 and +3.':
      'Selon les normes de croissance de l’enfant de l’OMS ; courbes aux scores z −3, −2, 0, +2 et +3.',
    'Latest:': 'Dernière mesure :',
    'No measurement yet.': 'Aucune mesure pour l’instant.',
    '{words}, z-score {z}, on {date}': '{words}, score z {z}, le {date}',
    '{indicator}: {words}, z-score {z}': '{indicator} : {words}, score z {z}',
    // WHO's French terms (Normes OMS de croissance de l'enfant).
    'Severely underweight': 'Insuffisance pondérale sévère',
    Underweight: 'Insuffisance pondérale',
    'Possible growth problem: check weight-for-length':
      'Problème de croissance possible : vérifier le poids pour la taille',
    'Severely stunted': 'Retard de croissance sévère',
    Stunted: 'Retard de croissance',
    'Very tall': 'Très grand',
    'Severely wasted': 'Émaciation sévère',
    Wasted: 'Émaciation',
    'Possible risk of overweight': 'Risque possible de surpoids',
    Overweight: 'Surpoids',
    Obese: 'Obésité',
    Normal: 'Dans la norme',
    'Weight-for-age': 'Poids pour l’âge',
    'Length/height-for-age': 'Longueur/taille pour l’âge',
    'Weight-for-length': 'Poids pour la longueur',
    'Weight-for-height': 'Poids pour la taille',
    'Age (months)': 'Âge (mois)',
    'Length (cm)': 'Longueur couché (cm)',
    'Height (cm)': 'Taille debout (cm)',
    'Weight (kg)': 'Poids (kg)',
    'Length or height (cm)': 'Longueur ou taille (cm)',
    'Median (0)': 'Médiane (0)',
    '−2 and +2: the normal range lies between': '−2 et +2 : la zone normale se trouve entre les deux',
    '−3 and +3 (dashed)': '−3 et +3 (en pointillés)',
    'This child': 'Cet enfant',
    'Show the measurements as a table': 'Afficher les mesures sous forme de tableau',
    Date: 'Date de la mesure',
    Age: 'Âge',
    Weight: 'Poids',
    'Length or height': 'Longueur ou taille',
    'z-score': 'Score z',
    Result: 'Résultat',
    // Messages of the core (src-main/vitals), shown through tm().
    'The growth charts apply to children under 5 years.':
      'Les courbes de croissance concernent les enfants de moins de 5 ans.',
    'Growth charts need the date of birth; add it to the patient details.':
      'Les courbes de croissance ont besoin de la date de naissance ; ajoutez-la dans la fiche du patient.',
    'The WHO growth charts differ for girls and boys; record the sex in the patient details.':
      'Les courbes de l’OMS diffèrent pour les filles et les garçons ; indiquez le sexe dans la fiche du patient.',
    'Weight-for-length is defined for lengths from 45 to 110 cm.':
      'Le poids pour la longueur est défini pour des longueurs de 45 à 110 cm.',
    'Weight-for-height is defined for heights from 65 to 120 cm.':
      'Le poids pour la taille est défini pour des tailles de 65 à 120 cm.',
    'The WHO child growth standards cover children up to 5 years.':
      'Les normes de croissance de l’OMS couvrent les enfants jusqu’à 5 ans.',
    'The age must be known and not in the future.': 'L’âge doit être connu et ne peut pas être dans le futur.',
  },
  sw: {
    Growth: 'Ukuaji',
    'Loading growth charts…': 'Inapakia chati za ukuaji…',
    'Against the WHO Child Growth Standards; lines at z-scores −3, −2, 0, +2 and +3.':
      'Kulingana na viwango vya ukuaji wa watoto vya WHO; mistari iko kwenye alama z −3, −2, 0, +2 na +3.',
    'Latest:': 'Kipimo cha mwisho:',
    'No measurement yet.': 'Bado hakuna kipimo.',
    '{words}, z-score {z}, on {date}': '{words}, alama z {z}, tarehe {date}',
    '{indicator}: {words}, z-score {z}': '{indicator}: {words}, alama z {z}',
    'Severely underweight': 'Uzito pungufu sana',
    Underweight: 'Uzito pungufu',
    'Possible growth problem: check weight-for-length': 'Huenda kuna tatizo la ukuaji: angalia uzito kwa urefu',
    'Severely stunted': 'Udumavu mkali',
    Stunted: 'Udumavu',
    'Very tall': 'Mrefu sana',
    'Severely wasted': 'Ukondefu mkali',
    Wasted: 'Ukondefu',
    'Possible risk of overweight': 'Huenda yuko hatarini kuwa na uzito uliozidi',
    Overweight: 'Uzito uliozidi',
    Obese: 'Unene uliopitiliza',
    Normal: 'Kawaida',
    'Weight-for-age': 'Uzito kwa umri',
    'Length/height-for-age': 'Urefu kwa umri',
    'Weight-for-length': 'Uzito kwa urefu (akiwa amelala)',
    'Weight-for-height': 'Uzito kwa urefu (akiwa amesimama)',
    'Age (months)': 'Umri (miezi)',
    'Length (cm)': 'Urefu akiwa amelala (cm)',
    'Height (cm)': 'Urefu akiwa amesimama (cm)',
    'Weight (kg)': 'Uzito (kg)',
    'Length or height (cm)': 'Urefu (cm)',
    'Median (0)': 'Kiwango cha kati (0)',
    '−2 and +2: the normal range lies between': '−2 na +2: kiwango cha kawaida kiko kati yake',
    '−3 and +3 (dashed)': '−3 na +3 (mstari wa vistari)',
    'This child': 'Mtoto huyu',
    'Show the measurements as a table': 'Onyesha vipimo kwenye jedwali',
    Date: 'Tarehe',
    Age: 'Umri',
    Weight: 'Uzito',
    'Length or height': 'Urefu',
    'z-score': 'Alama z',
    Result: 'Matokeo',
    'The growth charts apply to children under 5 years.': 'Chati za ukuaji ni kwa watoto walio chini ya miaka 5.',
    'Growth charts need the date of birth; add it to the patient details.':
      'Chati za ukuaji zinahitaji tarehe ya kuzaliwa; iongeze kwenye taarifa za mgonjwa.',
    'The WHO growth charts differ for girls and boys; record the sex in the patient details.':
      'Chati za ukuaji za WHO ni tofauti kwa wasichana na wavulana; andika jinsia kwenye taarifa za mgonjwa.',
    'Weight-for-length is defined for lengths from 45 to 110 cm.':
      'Uzito kwa urefu unapimwa kwa urefu wa cm 45 hadi 110 tu.',
    'Weight-for-height is defined for heights from 65 to 120 cm.':
      'Uzito kwa urefu wa kusimama unapimwa kwa urefu wa cm 65 hadi 120 tu.',
    'The WHO child growth standards cover children up to 5 years.':
      'Viwango vya ukuaji vya WHO vinahusu watoto hadi miaka 5.',
    'The age must be known and not in the future.': 'Umri lazima ujulikane na usiwe wa siku zijazo.',
  },
};
