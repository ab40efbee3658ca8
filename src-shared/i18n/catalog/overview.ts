/** The clinic overview: headline numbers, the three charts and their tables. */
import type { Catalog } from './catalog-type';

export const overview: Catalog = {
  fr: {
    // Short: it is also the entry in the top bar, next to the other sections.
    'Clinic overview': 'Vue d’ensemble',
    '{date} · counted on this laptop from the records it holds':
      '{date} · calculé sur cet ordinateur à partir des dossiers qu’il contient',
    'Counting the clinic’s records…': 'Décompte des dossiers du centre…',
    'Try again': 'Réessayer',
    'Antigens and the due list follow the default WHO schedule until the central registry publishes one.':
      'Les antigènes et la liste des vaccins dus suivent le calendrier par défaut de l’OMS jusqu’à ce que le registre central en publie un.',
    'Patients registered': 'Patients enregistrés',
    'Visits today': 'Visites aujourd’hui',
    'Visits in the last {days} days': 'Visites des {days} derniers jours',
    'Doses given in {month}': 'Doses administrées en {month}',
    'Children under five': 'Enfants de moins de cinq ans',
    'Show the numbers as a table': 'Afficher les chiffres sous forme de tableau',
    'Hide the table': 'Masquer le tableau',
    'Visits per day, last {days} days': 'Visites par jour, {days} derniers jours',
    'No visits recorded in the last {days} days.': 'Aucune visite enregistrée ces {days} derniers jours.',
    'Visits in the last {days} days: {total}. Busiest day: {day} ({count}).':
      'Visites des {days} derniers jours : {total}. Jour le plus chargé : {day} ({count}).',
    Day: 'Jour',
    Visits: 'Visites',
    Today: 'Aujourd’hui',
    'Vaccinations by antigen, {month}': 'Vaccinations par antigène, {month}',
    'In {month}, doses given: {given}; recorded as not given: {notGiven}.':
      'En {month}, doses administrées : {given} ; enregistrées comme non administrées : {notGiven}.',
    'No vaccinations recorded in {month}.': 'Aucune vaccination enregistrée en {month}.',
    Month: 'Mois',
    // Plural, about counted doses: not the single-dose 'Given' / 'Not given' of the vaccine forms.
    'Doses given': 'Doses administrées',
    'Doses not given': 'Doses non administrées',
    '{count} dose not given': '{count} dose non administrée',
    '{count} doses not given': '{count} doses non administrées',
    Doses: 'Doses',
    Antigen: 'Antigène',
    'Other vaccines': 'Autres vaccins',
    'Why doses were not given:': 'Raisons de la non-administration :',
    'no reason written': 'aucune raison indiquée',
    'Coverage of the due list': 'Couverture de la liste des vaccins dus',
    'Up to date': 'À jour',
    'Dose due': 'Dose à faire',
    'Dose overdue': 'Dose en retard',
    'Children under five: {children}. Up to date: {upToDate}. Dose due: {due}. Dose overdue: {overdue}.':
      'Enfants de moins de cinq ans : {children}. À jour : {upToDate}. Dose à faire : {due}. Dose en retard : {overdue}.',
    'No children under five are registered on this laptop.':
      'Aucun enfant de moins de cinq ans n’est enregistré sur cet ordinateur.',
    'Children 0–59 months registered here: {count}. Each child counts once, by their most urgent vaccine.':
      'Enfants de 0 à 59 mois enregistrés ici : {count}. Chaque enfant compte une seule fois, selon son vaccin le plus urgent.',
    Number: 'Nombre',
    Share: 'Part',
    'All children under five': 'Tous les enfants de moins de cinq ans',
  },
  sw: {
    'Clinic overview': 'Muhtasari wa kliniki',
    '{date} · counted on this laptop from the records it holds':
      '{date} · imehesabiwa kwenye kompyuta hii kutoka kwa kumbukumbu zilizomo',
    'Counting the clinic’s records…': 'Inahesabu kumbukumbu za kliniki…',
    'Try again': 'Jaribu tena',
    'Antigens and the due list follow the default WHO schedule until the central registry publishes one.':
      'Antijeni na orodha ya chanjo zinazostahili zinafuata ratiba ya kawaida ya WHO hadi sajili kuu itakapochapisha ratiba yake.',
    'Patients registered': 'Wagonjwa waliosajiliwa',
    'Visits today': 'Ziara za leo',
    'Visits in the last {days} days': 'Ziara za siku {days} zilizopita',
    'Doses given in {month}': 'Dozi zilizotolewa {month}',
    'Children under five': 'Watoto chini ya miaka mitano',
    'Show the numbers as a table': 'Onyesha takwimu kama jedwali',
    'Hide the table': 'Ficha jedwali',
    'Visits per day, last {days} days': 'Ziara kwa siku, siku {days} zilizopita',
    'No visits recorded in the last {days} days.': 'Hakuna ziara iliyorekodiwa katika siku {days} zilizopita.',
    'Visits in the last {days} days: {total}. Busiest day: {day} ({count}).':
      'Ziara za siku {days} zilizopita: {total}. Siku yenye ziara nyingi zaidi: {day} ({count}).',
    Day: 'Siku',
    Visits: 'Ziara',
    Today: 'Leo',
    'Vaccinations by antigen, {month}': 'Chanjo kwa kila antijeni, {month}',
    'In {month}, doses given: {given}; recorded as not given: {notGiven}.':
      '{month}, dozi zilizotolewa: {given}; zilizorekodiwa kuwa hazikutolewa: {notGiven}.',
    'No vaccinations recorded in {month}.': 'Hakuna chanjo iliyorekodiwa {month}.',
    Month: 'Mwezi',
    'Doses given': 'Dozi zilizotolewa',
    'Doses not given': 'Dozi ambazo hazikutolewa',
    '{count} dose not given': 'dozi {count} haikutolewa',
    '{count} doses not given': 'dozi {count} hazikutolewa',
    Doses: 'Dozi',
    Antigen: 'Antijeni',
    'Other vaccines': 'Chanjo nyingine',
    'Why doses were not given:': 'Sababu za dozi kutotolewa:',
    'no reason written': 'hakuna sababu iliyoandikwa',
    'Coverage of the due list': 'Hali ya orodha ya chanjo zinazostahili',
    'Up to date': 'Kwenye ratiba',
    'Dose due': 'Dozi inastahili',
    'Dose overdue': 'Dozi imechelewa',
    'Children under five: {children}. Up to date: {upToDate}. Dose due: {due}. Dose overdue: {overdue}.':
      'Watoto chini ya miaka mitano: {children}. Wako kwenye ratiba: {upToDate}. Dozi inastahili: {due}. Dozi imechelewa: {overdue}.',
    'No children under five are registered on this laptop.':
      'Hakuna mtoto chini ya miaka mitano aliyesajiliwa kwenye kompyuta hii.',
    'Children 0–59 months registered here: {count}. Each child counts once, by their most urgent vaccine.':
      'Watoto wa miezi 0–59 waliosajiliwa hapa: {count}. Kila mtoto anahesabiwa mara moja, kwa chanjo yake ya haraka zaidi.',
    Number: 'Idadi',
    Share: 'Asilimia',
    'All children under five': 'Watoto wote chini ya miaka mitano',
  },
};
