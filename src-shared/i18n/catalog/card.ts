/** The patient card page, the card itself, and scanning a card in the search box. */
import type { Catalog } from './catalog-type';

export const card: Catalog = {
  fr: {
    'Not known': 'Inconnue',
    'About {year}': 'Vers {year}',
    Female: 'Féminin',
    Male: 'Masculin',
    Other: 'Autre',
    'Not recorded': 'Non renseigné',
    'Patient card of {name}': 'Carte patient de {name}',
    Kliniki: 'Kliniki',
    'Patient card': 'Carte patient',
    Name: 'Nom',
    'Clinic number': 'Numéro de dossier',
    'Date of birth': 'Date de naissance',
    Sex: 'Sexe',
    'Code to scan: clinic number {number}': 'Code à scanner : numéro de dossier {number}',
    'Bring this card to every visit.': 'Apportez cette carte à chaque visite.',
    'Back to the record': 'Retour au dossier',
    'Patient card: {name}': 'Carte patient : {name}',
    'The family keeps this card. Next time, scan its code in the search box to open the record.':
      'La famille garde cette carte. À la prochaine visite, scannez son code dans la zone de recherche pour ouvrir le dossier.',
    'This clinic number was not made by Kliniki, so the card has no code to scan. Staff can still type the number into the search box.':
      'Ce numéro de dossier n’a pas été créé par Kliniki : la carte n’a donc pas de code à scanner. Le personnel peut toujours taper le numéro dans la zone de recherche.',
    'Print card': 'Imprimer la carte',
    Printing: 'Impression',
    'The card prints alone, at the size of a bank card. Cut along its border.':
      'La carte s’imprime seule, au format d’une carte bancaire. Découpez-la le long de son bord.',
    'In the print window, keep the scale at 100% (actual size), or the card will be too small.':
      'Dans la fenêtre d’impression, gardez l’échelle à 100 % (taille réelle), sinon la carte sera trop petite.',
    'To keep a PDF file instead of paper, choose “Save as PDF” (or “Microsoft Print to PDF”, or “Print to File”) as the printer.':
      'Pour garder un fichier PDF plutôt que du papier, choisissez « Enregistrer au format PDF » (ou « Microsoft Print to PDF », ou « Imprimer dans un fichier ») comme imprimante.',
    'This record has no clinic number yet, so there is no card to print.':
      'Ce patient n’a pas encore de numéro de dossier : il n’y a donc pas de carte à imprimer.',
    'This patient record was not found on this laptop.': 'Ce dossier patient est introuvable sur cet ordinateur.',
    'Try again': 'Réessayer',
    'Loading the patient record…': 'Chargement du dossier patient…',
    'No patient on this laptop has the card number {number}.':
      'Aucun patient sur cet ordinateur n’a le numéro de carte {number}.',
    '{count} patients have the card number {number}.': '{count} patients ont le numéro de carte {number}.',
    'The record may not have reached this laptop yet: sync, then scan again. Or search by name, or register the patient.':
      'Le dossier n’est peut-être pas encore arrivé sur cet ordinateur : synchronisez, puis scannez à nouveau. Sinon, cherchez par nom ou enregistrez le patient.',
  },
  sw: {
    'Not known': 'Haijulikani',
    'About {year}': 'Takriban {year}',
    Female: 'Mwanamke',
    Male: 'Mwanamume',
    Other: 'Nyingine',
    'Not recorded': 'Haijarekodiwa',
    'Patient card of {name}': 'Kadi ya mgonjwa ya {name}',
    Kliniki: 'Kliniki',
    'Patient card': 'Kadi ya mgonjwa',
    Name: 'Jina',
    'Clinic number': 'Namba ya kliniki',
    'Date of birth': 'Tarehe ya kuzaliwa',
    Sex: 'Jinsia',
    'Code to scan: clinic number {number}': 'Msimbo wa kuchanganua: namba ya kliniki {number}',
    'Bring this card to every visit.': 'Leta kadi hii kila unapokuja kliniki.',
    'Back to the record': 'Rudi kwenye faili la mgonjwa',
    'Patient card: {name}': 'Kadi ya mgonjwa: {name}',
    'The family keeps this card. Next time, scan its code in the search box to open the record.':
      'Familia inaitunza kadi hii. Wakati ujao, changanua msimbo wake kwenye kisanduku cha kutafuta ili kufungua faili la mgonjwa.',
    'This clinic number was not made by Kliniki, so the card has no code to scan. Staff can still type the number into the search box.':
      'Namba hii ya kliniki haikutolewa na Kliniki, kwa hiyo kadi haina msimbo wa kuchanganua. Wahudumu bado wanaweza kuandika namba hiyo kwenye kisanduku cha kutafuta.',
    'Print card': 'Chapisha kadi',
    Printing: 'Kuchapisha',
    'The card prints alone, at the size of a bank card. Cut along its border.':
      'Kadi huchapishwa peke yake, kwa ukubwa wa kadi ya benki. Ikate kufuata mstari wa ukingo wake.',
    'In the print window, keep the scale at 100% (actual size), or the card will be too small.':
      'Kwenye dirisha la kuchapisha, acha kipimo kiwe 100% (ukubwa halisi), la sivyo kadi itakuwa ndogo mno.',
    'To keep a PDF file instead of paper, choose “Save as PDF” (or “Microsoft Print to PDF”, or “Print to File”) as the printer.':
      'Ili kupata faili la PDF badala ya karatasi, chagua “Save as PDF” (au “Microsoft Print to PDF”, au “Print to File”) kama printa.',
    'This record has no clinic number yet, so there is no card to print.':
      'Mgonjwa huyu bado hana namba ya kliniki, kwa hiyo hakuna kadi ya kuchapisha.',
    'This patient record was not found on this laptop.': 'Faili la mgonjwa huyu halikupatikana kwenye kompyuta hii.',
    'Try again': 'Jaribu tena',
    'Loading the patient record…': 'Inapakia faili la mgonjwa…',
    'No patient on this laptop has the card number {number}.':
      'Hakuna mgonjwa kwenye kompyuta hii mwenye namba ya kadi {number}.',
    '{count} patients have the card number {number}.': 'Wagonjwa {count} wana namba ya kadi {number}.',
    'The record may not have reached this laptop yet: sync, then scan again. Or search by name, or register the patient.':
      'Huenda faili bado halijafika kwenye kompyuta hii: sawazisha, kisha changanua tena. Au tafuta kwa jina, au msajili mgonjwa.',
  },
};
