/** Undoing a link between two records of the same person (patient page). */
import type { Catalog } from './catalog-type';

export const patientLinks: Catalog = {
  fr: {
    'Not the same person': 'Pas la même personne',
    'Not the same person: undo the link to {name}': 'Pas la même personne : annuler le lien avec {name}',
    'Undo the link to {name}? Both records stay as they are; they are just no longer shown as one person.':
      'Annuler le lien avec {name} ? Les deux dossiers restent tels quels ; ils ne sont simplement plus présentés comme une seule personne.',
    'Yes, undo the link': 'Oui, annuler le lien',
    'Keep the link': 'Garder le lien',
    'The link to {name} was undone. Both records are kept.':
      'Le lien avec {name} a été annulé. Les deux dossiers sont conservés.',
    'These two records are not marked as the same person.':
      'Ces deux dossiers ne sont pas marqués comme étant la même personne.',
    'This patient record is not on this laptop.': "Ce dossier de patient n'est pas sur cet ordinateur.",
  },
  sw: {
    'Not the same person': 'Si mtu yule yule',
    'Not the same person: undo the link to {name}': 'Si mtu yule yule: ondoa uhusiano na {name}',
    'Undo the link to {name}? Both records stay as they are; they are just no longer shown as one person.':
      'Ondoa uhusiano na {name}? Rekodi zote mbili zinabaki kama zilivyo; hazitaonyeshwa tena kama mtu mmoja.',
    'Yes, undo the link': 'Ndiyo, ondoa uhusiano',
    'Keep the link': 'Acha uhusiano',
    'The link to {name} was undone. Both records are kept.':
      'Uhusiano na {name} umeondolewa. Rekodi zote mbili zimehifadhiwa.',
    'These two records are not marked as the same person.': 'Rekodi hizi mbili hazijawekwa alama kuwa ni mtu mmoja.',
    'This patient record is not on this laptop.': 'Rekodi hii ya mgonjwa haiko kwenye kompyuta hii.',
  },
};
