/** Checks on entries (business rules): the confirmation box, the settings list and the core's reports on rules. */
import type { Catalog } from './catalog-type';

export const rules: Catalog = {
  fr: {
    'Please check before saving': 'Vérifiez avant d’enregistrer',
    'Nothing has been saved yet. The clinic’s checks found something unusual:':
      'Rien n’est encore enregistré. Les contrôles du centre ont relevé quelque chose d’inhabituel :',
    'If what you entered is right, save anyway: your confirmation is recorded with the record.':
      'Si ce que vous avez saisi est juste, enregistrez quand même : votre confirmation est conservée avec le dossier.',
    'Save anyway': 'Enregistrer quand même',
    'Go back and change': 'Revenir et corriger',
    'Checks on entries': 'Contrôles des saisies',
    'Kliniki checks every record before saving it. A check that blocks must be corrected; a check that asks for confirmation can be saved anyway after reading it. The central registry can add or update checks at each sync.':
      'Kliniki contrôle chaque dossier avant de l’enregistrer. Un contrôle bloquant doit être corrigé ; un contrôle qui demande confirmation peut être enregistré quand même après l’avoir lu. Le registre central peut ajouter ou mettre à jour des contrôles à chaque synchronisation.',
    'Some checks are not in use because of a problem ({count}):':
      'Certains contrôles ne sont pas utilisés à cause d’un problème ({count}) :',
    'central registry': 'registre central',
    'shipped with Kliniki': 'fourni avec Kliniki',
    'Blocks the save': 'Bloque l’enregistrement',
    'Asks for confirmation': 'Demande une confirmation',
    'No checks are in use.': 'Aucun contrôle n’est utilisé.',
    'Patient details': 'Informations du patient',
    Visits: 'Visites',
    Appointments: 'Rendez-vous',
    'Shipped with Kliniki, version {version}': 'Fourni avec Kliniki, version {version}',
    'Central registry, version {version}, received {date}': 'Registre central, version {version}, reçu le {date}',
    'Central registry, version {version}': 'Registre central, version {version}',
    'This was not saved: some entries break the clinic’s rules. Please correct what is shown below.':
      'Rien n’a été enregistré : certaines saisies ne respectent pas les règles du centre. Corrigez ce qui est indiqué ci-dessous.',
    'This was not saved yet: please check the warnings and confirm them if the entries are right.':
      'Rien n’est encore enregistré : lisez les avertissements et confirmez-les si les saisies sont justes.',
    'The check uses a function Kliniki does not know, so the rule was skipped.':
      'Le contrôle utilise une fonction que Kliniki ne connaît pas ; la règle a été ignorée.',
    'The check uses a value Kliniki does not provide (only %resource and %patient exist), so the rule was skipped.':
      'Le contrôle utilise une valeur que Kliniki ne fournit pas (seuls %resource et %patient existent) ; la règle a été ignorée.',
    'The check is not written correctly (it cannot be read as FHIRPath), so the rule was skipped.':
      'Le contrôle est mal écrit (il ne peut pas être lu comme du FHIRPath) ; la règle a été ignorée.',
    'The check could not be worked out, so the rule was skipped.':
      'Le contrôle n’a pas pu être évalué ; la règle a été ignorée.',
    'The check does not answer yes or no, so the rule was skipped.':
      'Le contrôle ne répond pas par oui ou non ; la règle a été ignorée.',
    'The check took too long to work out, so the rule was skipped.':
      'Le contrôle prenait trop de temps ; la règle a été ignorée.',
    'The checks on entries could not be started on this laptop; entries are saved without them.':
      'Les contrôles des saisies n’ont pas pu démarrer sur cet ordinateur ; les saisies sont enregistrées sans eux.',
    'A rule in this pack is not written as a rule and was skipped.':
      'Une règle de ce lot n’est pas écrite comme une règle ; elle a été ignorée.',
    'A rule in this pack has no usable name (key) and was skipped.':
      'Une règle de ce lot n’a pas de nom utilisable (key) ; elle a été ignorée.',
    'This rule says neither “error” nor “warning”, so it was skipped.':
      'Cette règle n’indique ni « error » ni « warning » ; elle a été ignorée.',
    'This rule has no message for the nurse, so it was skipped.':
      'Cette règle n’a pas de message pour l’infirmière ; elle a été ignorée.',
    'The message of this rule is too long, so it was skipped.':
      'Le message de cette règle est trop long ; elle a été ignorée.',
    'This rule has no check written in it, so it was skipped.':
      'Aucun contrôle n’est écrit dans cette règle ; elle a été ignorée.',
    'The check of this rule is too long to be run safely, so it was skipped.':
      'Le contrôle de cette règle est trop long pour être exécuté sans risque ; elle a été ignorée.',
    'This is not a rule pack (StructureDefinition), so it was skipped.':
      'Ce n’est pas un lot de règles (StructureDefinition) ; il a été ignoré.',
    'This rule pack is too large to be used safely, so it was skipped.':
      'Ce lot de règles est trop volumineux pour être utilisé sans risque ; il a été ignoré.',
    'This rule pack has no web address (url) to tell it apart, so it was skipped.':
      'Ce lot de règles n’a pas d’adresse web (url) qui l’identifie ; il a été ignoré.',
    'This rule pack does not say which kind of record it checks, so it was skipped.':
      'Ce lot de règles n’indique pas quel type de dossier il contrôle ; il a été ignoré.',
    'Rules placed on “{path}” do not belong to a {type} record and were skipped.':
      'Les règles placées sur « {path} » n’appartiennent pas à un dossier {type} ; elles ont été ignorées.',
    'This pack has more than {count} rules; the rest were skipped.':
      'Ce lot contient plus de {count} règles ; les suivantes ont été ignorées.',
    'Two rules in this pack have the same name; the second was skipped.':
      'Deux règles de ce lot portent le même nom ; la seconde a été ignorée.',
    'This rule file shipped with Kliniki could not be read.':
      'Ce fichier de règles fourni avec Kliniki n’a pas pu être lu.',
    'A rule pack from the central registry is too large to be used safely, so it was skipped.':
      'Un lot de règles du registre central est trop volumineux pour être utilisé sans risque ; il a été ignoré.',
    'The central registry sent more than {count} rule packs; the rest were skipped.':
      'Le registre central a envoyé plus de {count} lots de règles ; les suivants ont été ignorés.',
  },
  sw: {
    'Please check before saving': 'Tafadhali hakikisha kabla ya kuhifadhi',
    'Nothing has been saved yet. The clinic’s checks found something unusual:':
      'Bado hakuna kilichohifadhiwa. Ukaguzi wa kliniki umegundua jambo lisilo la kawaida:',
    'If what you entered is right, save anyway: your confirmation is recorded with the record.':
      'Ikiwa ulichoandika ni sahihi, hifadhi hata hivyo: uthibitisho wako unahifadhiwa pamoja na rekodi.',
    'Save anyway': 'Hifadhi hata hivyo',
    'Go back and change': 'Rudi ubadilishe',
    'Checks on entries': 'Ukaguzi wa taarifa zinazoingizwa',
    'Kliniki checks every record before saving it. A check that blocks must be corrected; a check that asks for confirmation can be saved anyway after reading it. The central registry can add or update checks at each sync.':
      'Kliniki hukagua kila rekodi kabla ya kuihifadhi. Ukaguzi unaozuia lazima urekebishwe; ukaguzi unaoomba uthibitisho unaweza kuhifadhiwa hata hivyo baada ya kuusoma. Sajili kuu inaweza kuongeza au kusasisha ukaguzi kila wakati wa kusawazisha.',
    'Some checks are not in use because of a problem ({count}):':
      'Baadhi ya ukaguzi hautumiki kwa sababu ya tatizo ({count}):',
    'central registry': 'sajili kuu',
    'shipped with Kliniki': 'imekuja na Kliniki',
    'Blocks the save': 'Huzuia kuhifadhi',
    'Asks for confirmation': 'Huomba uthibitisho',
    'No checks are in use.': 'Hakuna ukaguzi unaotumika.',
    'Patient details': 'Taarifa za mgonjwa',
    Visits: 'Ziara',
    Appointments: 'Miadi',
    'Shipped with Kliniki, version {version}': 'Imekuja na Kliniki, toleo {version}',
    'Central registry, version {version}, received {date}': 'Sajili kuu, toleo {version}, imepokelewa {date}',
    'Central registry, version {version}': 'Sajili kuu, toleo {version}',
    'This was not saved: some entries break the clinic’s rules. Please correct what is shown below.':
      'Hakuna kilichohifadhiwa: baadhi ya taarifa zinakiuka kanuni za kliniki. Tafadhali rekebisha kilichoonyeshwa hapa chini.',
    'This was not saved yet: please check the warnings and confirm them if the entries are right.':
      'Bado hakuna kilichohifadhiwa: tafadhali soma tahadhari na uzithibitishe ikiwa taarifa ni sahihi.',
    'The check uses a function Kliniki does not know, so the rule was skipped.':
      'Ukaguzi unatumia kazi ambayo Kliniki haiijui, kwa hiyo kanuni imerukwa.',
    'The check uses a value Kliniki does not provide (only %resource and %patient exist), so the rule was skipped.':
      'Ukaguzi unatumia thamani ambayo Kliniki haitoi (ni %resource na %patient tu zilizopo), kwa hiyo kanuni imerukwa.',
    'The check is not written correctly (it cannot be read as FHIRPath), so the rule was skipped.':
      'Ukaguzi haujaandikwa ipasavyo (hauwezi kusomwa kama FHIRPath), kwa hiyo kanuni imerukwa.',
    'The check could not be worked out, so the rule was skipped.':
      'Ukaguzi haukuweza kufanyika, kwa hiyo kanuni imerukwa.',
    'The check does not answer yes or no, so the rule was skipped.':
      'Ukaguzi haujibu ndiyo au hapana, kwa hiyo kanuni imerukwa.',
    'The check took too long to work out, so the rule was skipped.':
      'Ukaguzi ulichukua muda mrefu mno, kwa hiyo kanuni imerukwa.',
    'The checks on entries could not be started on this laptop; entries are saved without them.':
      'Ukaguzi wa taarifa haukuweza kuanza kwenye kompyuta hii; taarifa zinahifadhiwa bila ukaguzi huo.',
    'A rule in this pack is not written as a rule and was skipped.':
      'Kanuni moja katika kifurushi hiki haijaandikwa kama kanuni, kwa hiyo imerukwa.',
    'A rule in this pack has no usable name (key) and was skipped.':
      'Kanuni moja katika kifurushi hiki haina jina linalotumika (key), kwa hiyo imerukwa.',
    'This rule says neither “error” nor “warning”, so it was skipped.':
      'Kanuni hii haisemi “error” wala “warning”, kwa hiyo imerukwa.',
    'This rule has no message for the nurse, so it was skipped.':
      'Kanuni hii haina ujumbe kwa muuguzi, kwa hiyo imerukwa.',
    'The message of this rule is too long, so it was skipped.': 'Ujumbe wa kanuni hii ni mrefu mno, kwa hiyo imerukwa.',
    'This rule has no check written in it, so it was skipped.':
      'Kanuni hii haina ukaguzi ulioandikwa ndani yake, kwa hiyo imerukwa.',
    'The check of this rule is too long to be run safely, so it was skipped.':
      'Ukaguzi wa kanuni hii ni mrefu mno kuendeshwa kwa usalama, kwa hiyo imerukwa.',
    'This is not a rule pack (StructureDefinition), so it was skipped.':
      'Hiki si kifurushi cha kanuni (StructureDefinition), kwa hiyo kimerukwa.',
    'This rule pack is too large to be used safely, so it was skipped.':
      'Kifurushi hiki cha kanuni ni kikubwa mno kutumika kwa usalama, kwa hiyo kimerukwa.',
    'This rule pack has no web address (url) to tell it apart, so it was skipped.':
      'Kifurushi hiki cha kanuni hakina anwani ya mtandao (url) ya kukitambulisha, kwa hiyo kimerukwa.',
    'This rule pack does not say which kind of record it checks, so it was skipped.':
      'Kifurushi hiki cha kanuni hakisemi kinakagua aina gani ya rekodi, kwa hiyo kimerukwa.',
    'Rules placed on “{path}” do not belong to a {type} record and were skipped.':
      'Kanuni zilizowekwa kwenye “{path}” si za rekodi ya {type}, kwa hiyo zimerukwa.',
    'This pack has more than {count} rules; the rest were skipped.':
      'Kifurushi hiki kina kanuni zaidi ya {count}; zilizobaki zimerukwa.',
    'Two rules in this pack have the same name; the second was skipped.':
      'Kanuni mbili katika kifurushi hiki zina jina moja; ya pili imerukwa.',
    'This rule file shipped with Kliniki could not be read.':
      'Faili hili la kanuni lililokuja na Kliniki halikuweza kusomwa.',
    'A rule pack from the central registry is too large to be used safely, so it was skipped.':
      'Kifurushi cha kanuni kutoka sajili kuu ni kikubwa mno kutumika kwa usalama, kwa hiyo kimerukwa.',
    'The central registry sent more than {count} rule packs; the rest were skipped.':
      'Sajili kuu imetuma zaidi ya vifurushi {count} vya kanuni; vilivyobaki vimerukwa.',
  },
};
