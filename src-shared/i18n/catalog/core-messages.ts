/** Messages the core writes in English (field errors, refusals, sync problems, vital-sign warnings) in French and Swahili; the renderer shows them through tm(), which matches the templates here. */
import type { Catalog } from './catalog-type';

export const coreMessages: Catalog = {
  fr: {
    'This laptop already has an account. Unlock with it, or ask an administrator to add yours.':
      'Cet ordinateur a déjà un compte. Déverrouillez avec celui-ci, ou demandez à un administrateur d’ajouter le vôtre.',
    'Only an administrator can change the settings.': 'Seul un administrateur peut modifier les paramètres.',
    'Only an administrator can add users.': 'Seul un administrateur peut ajouter des utilisateurs.',
    'Enter the full name of the person who will use this account.':
      'Saisissez le nom complet de la personne qui utilisera ce compte.',
    'Use 2 to 32 letters or digits (dots, dashes and underscores allowed), without spaces.':
      'Utilisez de 2 à 32 lettres ou chiffres (points, tirets et tirets bas autorisés), sans espaces.',
    'This user name is taken. Choose another.': 'Ce nom d’utilisateur est déjà pris. Choisissez-en un autre.',
    'Use at least {min} characters.': 'Utilisez au moins {min} caractères.',
    'The password must not be the user name.': 'Le mot de passe ne doit pas être le nom d’utilisateur.',
    'A password can be at most {max} characters.': 'Un mot de passe peut compter au plus {max} caractères.',
    'The user name or password is not right.': 'Le nom d’utilisateur ou le mot de passe est incorrect.',
    'The portal is locked. Unlock it to continue.': 'Le portail est verrouillé. Déverrouillez-le pour continuer.',
    'This request is not one Kliniki knows.': 'Kliniki ne connaît pas cette demande.',
    'Some of the information sent was not valid.': 'Certaines des informations envoyées ne sont pas valides.',
    'Something went wrong inside Kliniki and nothing was changed. If it happens again, tell your support contact the code {code}.':
      'Un problème est survenu dans Kliniki et rien n’a été modifié. Si cela se reproduit, communiquez le code {code} à votre contact d’assistance.',
    'Please correct the field marked below.': 'Veuillez corriger le champ signalé ci-dessous.',
    'Please correct the {count} fields marked below.': 'Veuillez corriger les {count} champs signalés ci-dessous.',
    'Must be at most {max} characters.': '{max} caractères au maximum.',
    'Use a date like 2024-03-31.': 'Utilisez une date comme 2024-03-31.',
    'Enter the given name.': 'Saisissez le prénom.',
    'The given name contains characters that cannot be part of a name.':
      'Le prénom contient des caractères qui ne peuvent pas faire partie d’un nom.',
    'The given name must contain letters.': 'Le prénom doit contenir des lettres.',
    'The family name contains characters that cannot be part of a name.':
      'Le nom de famille contient des caractères qui ne peuvent pas faire partie d’un nom.',
    'The family name must contain letters.': 'Le nom de famille doit contenir des lettres.',
    'Enter a phone number of 7 to 15 digits, for example +256 772 123456.':
      'Saisissez un numéro de téléphone de 7 à 15 chiffres, par exemple +256 772 123456.',
    'This date does not exist. Check the day and month.': 'Cette date n’existe pas. Vérifiez le jour et le mois.',
    'The date of birth is more than {years} years ago.': 'La date de naissance remonte à plus de {years} ans.',
    'A national ID has 3 to 40 letters or digits (spaces, / and - allowed).':
      'Un numéro d’identité nationale compte de 3 à 40 lettres ou chiffres (espaces, / et - autorisés).',
    'Children under {age} need a parent, guardian or next of kin: enter their name.':
      'Les enfants de moins de {age} ans doivent avoir un parent, un tuteur ou un proche : saisissez son nom.',
    'The name contains characters that cannot be part of a name.':
      'Le nom contient des caractères qui ne peuvent pas faire partie d’un nom.',
    'This contains characters that cannot be stored.':
      'Ce texte contient des caractères qui ne peuvent pas être enregistrés.',
    'Another patient (clinic number {number}) already has this national ID. Search for them before registering again.':
      'Un autre patient (numéro de dossier {number}) a déjà ce numéro d’identité nationale. Recherchez-le avant d’enregistrer à nouveau.',
    'Another patient already has this national ID. Search for them before registering again.':
      'Un autre patient a déjà ce numéro d’identité nationale. Recherchez-le avant d’enregistrer à nouveau.',
    'This patient is not on this laptop.': 'Ce patient n’est pas sur cet ordinateur.',
    'This patient record was not found on this laptop.': 'Ce dossier patient est introuvable sur cet ordinateur.',
    'A record not on this laptop': 'Un dossier absent de cet ordinateur',
    'A record cannot be marked as the same person as itself.':
      'Un dossier ne peut pas être marqué comme la même personne que lui-même.',
    'One of these patient records is not on this laptop.':
      'L’un de ces dossiers patients n’est pas sur cet ordinateur.',
    'These two records are already marked as the same person.':
      'Ces deux dossiers sont déjà marqués comme la même personne.',
    'Same family name: {name}': 'Même nom de famille : {name}',
    'Same given name: {name}': 'Même prénom : {name}',
    'Names sound alike: {mine} ~ {theirs}': 'Noms qui se prononcent de la même façon : {mine} ~ {theirs}',
    'Names are spelled alike: {mine} ~ {theirs}': 'Noms qui s’écrivent presque pareil : {mine} ~ {theirs}',
    'Same national ID': 'Même numéro d’identité nationale',
    'Same phone number': 'Même numéro de téléphone',
    'Born the same day': 'Nés le même jour',
    'Born about the same year ({year}, estimated)': 'Nés vers la même année ({year}, estimée)',
    'Born the same year ({year})': 'Nés la même année ({year})',
    'Born within a year of each other': 'Nés à moins d’un an d’écart',
    'Same village: {village}': 'Même village : {village}',
    'This visit is not on this laptop.': 'Cette visite n’est pas sur cet ordinateur.',
    'Choose the type of visit.': 'Choisissez le type de visite.',
    'Choose one of the visit types listed.': 'Choisissez l’un des types de visite proposés.',
    'This visit is already finished; start a new visit to record more.':
      'Cette visite est déjà terminée ; commencez une nouvelle visite pour enregistrer autre chose.',
    'Enter the {noun} as a number, for example 12.5.': 'Saisissez {noun} en chiffres, par exemple 12,5.',
    'Enter the systolic pressure too, or clear both.': 'Saisissez aussi la pression systolique, ou effacez les deux.',
    'Enter the diastolic pressure too, or clear both.': 'Saisissez aussi la pression diastolique, ou effacez les deux.',
    'Enter at least one measurement.': 'Saisissez au moins une mesure.',
    'Unknown patient': 'Patient inconnu',
    Height: 'Taille',
    Length: 'Taille couchée',
    MUAC: 'PB',
    'Sick visit': 'Consultation pour maladie',
    'Child welfare and growth monitoring': 'Suivi de l’enfant et de la croissance',
    Immunization: 'Vaccination',
    'Antenatal care': 'Consultation prénatale',
    'Follow-up': 'Suivi',
    'The {noun} must be entered in {units}; "{unit}" is not one of them.':
      'Saisissez {noun} en {units} ; « {unit} » n’en fait pas partie.',
    'Enter the {noun} as a number.': 'Saisissez {noun} en chiffres.',
    'A {noun} of {value} {unit} is not possible; check the value and the unit.':
      'Valeur impossible pour {noun} : {value} {unit}. Vérifiez la valeur et l’unité.',
    weight: 'le poids',
    length: 'la taille couchée',
    height: 'la taille',
    'mid-upper arm circumference': 'le périmètre brachial',
    'arm circumference (MUAC)': 'le périmètre brachial (PB)',
    temperature: 'la température',
    pulse: 'le pouls',
    'respiratory rate': 'la fréquence respiratoire',
    'systolic blood pressure': 'la pression artérielle systolique',
    'diastolic blood pressure': 'la pression artérielle diastolique',
    'systolic pressure': 'la pression systolique',
    'diastolic pressure': 'la pression diastolique',
    'oxygen saturation': 'la saturation en oxygène',
    '{what} of {value}/min is fast for {who} (above {high}).':
      '{what} à {value}/min : rapide pour {who} (plus de {high}).',
    '{what} of {value}/min is slow for {who} (below {low}).':
      '{what} à {value}/min : lent pour {who} (moins de {low}).',
    'an infant': 'un nourrisson',
    'a child under 5': 'un enfant de moins de 5 ans',
    'a child aged 5 to 11': 'un enfant de 5 à 11 ans',
    'an adult': 'un adulte',
    'an infant under 2 months': 'un nourrisson de moins de 2 mois',
    'an infant aged 2 to 11 months': 'un nourrisson de 2 à 11 mois',
    'a child aged 1 to 4 years': 'un enfant de 1 à 4 ans',
    'MUAC of {cm} cm is below 11.5 cm: severe acute malnutrition (child of 6–59 months).':
      'PB de {cm} cm, inférieur à 11,5 cm : malnutrition aiguë sévère (enfant de 6 à 59 mois).',
    'MUAC of {cm} cm is below 12.5 cm: moderate acute malnutrition (child of 6–59 months).':
      'PB de {cm} cm, inférieur à 12,5 cm : malnutrition aiguë modérée (enfant de 6 à 59 mois).',
    'Temperature of {c} °C is a high fever (39.5 °C or more).':
      'Une température de {c} °C est une forte fièvre (39,5 °C ou plus).',
    'Temperature of {c} °C is a fever (38 °C or more).': 'Une température de {c} °C est une fièvre (38 °C ou plus).',
    'Temperature of {c} °C is hypothermia (below 35.5 °C).':
      'Une température de {c} °C est une hypothermie (moins de 35,5 °C).',
    'Systolic pressure of {v} mmHg is very high (180 or more).':
      'Pression systolique de {v} mmHg : très élevée (180 ou plus).',
    'Systolic pressure of {v} mmHg is high (140 or more).': 'Pression systolique de {v} mmHg : élevée (140 ou plus).',
    'Systolic pressure of {v} mmHg is low (below 90).': 'Pression systolique de {v} mmHg : basse (moins de 90).',
    'Diastolic pressure of {v} mmHg is very high (110 or more).':
      'Pression diastolique de {v} mmHg : très élevée (110 ou plus).',
    'Diastolic pressure of {v} mmHg is high (90 or more).': 'Pression diastolique de {v} mmHg : élevée (90 ou plus).',
    'Diastolic pressure of {v} mmHg is low (below 60).': 'Pression diastolique de {v} mmHg : basse (moins de 60).',
    'Oxygen saturation of {v} % is very low (below 90 %).':
      'Saturation en oxygène de {v} % : très basse (moins de 90 %).',
    'Oxygen saturation of {v} % is low (below 94 %).': 'Saturation en oxygène de {v} % : basse (moins de 94 %).',
    'Date of birth is estimated': 'Date de naissance estimée',
    'Village and address': 'Village et adresse',
    'Clinic number and IDs': 'Numéro de dossier et identifiants',
    Record: 'Dossier',
    Status: 'Statut',
    Notes: 'Remarques',
    'Patient {name} ({number})': 'Patient {name} ({number})',
    'Patient {name}': 'Patient {name}',
    'This record was deleted at the central registry, but it was also changed on this laptop.':
      'Ce dossier a été supprimé au registre central, mais il a aussi été modifié sur cet ordinateur.',
    'This record was changed both here and at the central registry. Choose which version of each detail to keep.':
      'Ce dossier a été modifié à la fois ici et au registre central. Choisissez quelle version garder pour chaque information.',
    'The central registry refused this change.': 'Le registre central a refusé cette modification.',
    'The central registry refused this change: {reasons}':
      'Le registre central a refusé cette modification : {reasons}',
    'The central registry refused this change (HTTP {status}).':
      'Le registre central a refusé cette modification (HTTP {status}).',
    'This conflict was already resolved.': 'Ce conflit a déjà été résolu.',
    'Choose a version for: {fields}.': 'Choisissez une version pour : {fields}.',
    'Choose which version to keep.': 'Choisissez la version à garder.',
    'There is no refused change for this record any more.': 'Il n’y a plus de modification refusée pour ce dossier.',
    'This laptop is not connected to a central registry yet. An administrator can set it up in Settings.':
      'Cet ordinateur n’est pas encore connecté à un registre central. Un administrateur peut le configurer dans les Paramètres.',
    'Enter the address of the central registry.': 'Saisissez l’adresse du registre central.',
    'Enter the address of its sign-in (token) service.': 'Saisissez l’adresse de son service de connexion (jeton).',
    'Enter the device ID this laptop was registered with.':
      'Saisissez l’identifiant d’appareil sous lequel cet ordinateur a été enregistré.',
    'Enter the device secret.': 'Saisissez le secret de l’appareil.',
    'Fill in the connection details first.': 'Renseignez d’abord les informations de connexion.',
    'Enter an address starting with https:// (or http:// on a local network).':
      'Saisissez une adresse commençant par https:// (ou http:// sur un réseau local).',
    'Use a FHIR resource type such as Patient.': 'Utilisez un type de ressource FHIR, par exemple Patient.',
    'Changes come down through the server’s history, deletions included.':
      'Les modifications arrivent par l’historique du serveur, suppressions comprises.',
    'Changes come down by search on {param}; deletions are found by comparing records.':
      'Les modifications arrivent par recherche sur {param} ; les suppressions sont trouvées en comparant les dossiers.',
    'Changes come down by search (the server cannot filter by date, so each sync reads everything); deletions are found by comparing records.':
      'Les modifications arrivent par recherche (le serveur ne sait pas filtrer par date, chaque synchronisation relit donc tout) ; les suppressions sont trouvées en comparant les dossiers.',
    'New records go up under the ids this laptop gives them.':
      'Les nouveaux dossiers sont envoyés avec les identifiants que leur donne cet ordinateur.',
    'New records go up as conditional creates; the server gives them their ids.':
      'Les nouveaux dossiers sont envoyés en création conditionnelle ; le serveur leur attribue leurs identifiants.',
    'The sign-in server of the central registry could not be reached.':
      'Le serveur de connexion du registre central est injoignable.',
    'The sign-in server has a problem right now (HTTP {status}).':
      'Le serveur de connexion rencontre un problème en ce moment (HTTP {status}).',
    'The central registry does not accept this device ID and secret. Check both, as the central registry gave them.':
      'Le registre central n’accepte pas cet identifiant et ce secret d’appareil. Vérifiez-les tous les deux, tels que le registre central les a fournis.',
    'The central registry refused to sign this laptop in ({reason}).':
      'Le registre central a refusé la connexion de cet ordinateur ({reason}).',
    'Sync was stopped.': 'La synchronisation a été arrêtée.',
    'The central registry could not be reached ({reason}).': 'Le registre central est injoignable ({reason}).',
    'The connection dropped while receiving data ({reason}).':
      'La connexion a coupé pendant la réception des données ({reason}).',
    'The central registry answered with something that is not FHIR JSON (HTTP {status}).':
      'Le registre central a répondu par autre chose que du FHIR JSON (HTTP {status}).',
    'The central registry refused this laptop’s credentials. Check the device ID and secret in the sync settings.':
      'Le registre central a refusé les identifiants de cet ordinateur. Vérifiez l’identifiant et le secret de l’appareil dans les paramètres de synchronisation.',
    'The central registry has a problem right now (HTTP {status}). Sync will try again later.':
      'Le registre central rencontre un problème en ce moment (HTTP {status}). La synchronisation réessaiera plus tard.',
    'The central registry answered with something that is not a FHIR Bundle.':
      'Le registre central a répondu par autre chose qu’un Bundle FHIR.',
    'The central registry refused to list {type} (HTTP {status}).':
      'Le registre central a refusé de lister {type} (HTTP {status}).',
    'The central registry could not store a change right now (HTTP {status}). Sync will try again.':
      'Le registre central n’a pas pu enregistrer une modification pour l’instant (HTTP {status}). La synchronisation réessaiera.',
    'This address does not answer like a FHIR server (no CapabilityStatement at /metadata).':
      'Cette adresse ne répond pas comme un serveur FHIR (pas de CapabilityStatement à /metadata).',
    'Sync stopped because of an unexpected problem. Your data here is safe; it will try again.':
      'La synchronisation s’est arrêtée à cause d’un problème inattendu. Vos données sont en sécurité ici ; elle réessaiera.',
    'Sync stopped unexpectedly ({reason}). Your data here is safe; it will try again.':
      'La synchronisation s’est arrêtée de façon inattendue ({reason}). Vos données sont en sécurité ici ; elle réessaiera.',
    'This page was opened without its access key. Open Kliniki from the link it printed when it started.':
      'Cette page a été ouverte sans sa clé d’accès. Ouvrez Kliniki depuis le lien affiché à son démarrage.',
    'Kliniki could not reach its core. Please try again.': 'Kliniki n’a pas pu joindre son cœur. Veuillez réessayer.',
    'The connection to the Kliniki core was lost.': 'La connexion au cœur de Kliniki a été perdue.',
  },
  sw: {
    'This laptop already has an account. Unlock with it, or ask an administrator to add yours.':
      'Kompyuta hii tayari ina akaunti. Ifungue kwa akaunti hiyo, au mwombe msimamizi akuongezee yako.',
    'Only an administrator can change the settings.': 'Msimamizi pekee ndiye anayeweza kubadilisha mipangilio.',
    'Only an administrator can add users.': 'Msimamizi pekee ndiye anayeweza kuongeza watumiaji.',
    'Enter the full name of the person who will use this account.':
      'Andika jina kamili la mtu atakayetumia akaunti hii.',
    'Use 2 to 32 letters or digits (dots, dashes and underscores allowed), without spaces.':
      'Tumia herufi au tarakimu 2 hadi 32 (nukta, vistari na mistari ya chini vinaruhusiwa), bila nafasi.',
    'This user name is taken. Choose another.': 'Jina hili la mtumiaji limeshachukuliwa. Chagua jingine.',
    'Use at least {min} characters.': 'Tumia angalau herufi {min}.',
    'The password must not be the user name.': 'Nenosiri lisiwe sawa na jina la mtumiaji.',
    'A password can be at most {max} characters.': 'Nenosiri linaweza kuwa na herufi {max} tu kwa upeo.',
    'The user name or password is not right.': 'Jina la mtumiaji au nenosiri si sahihi.',
    'The portal is locked. Unlock it to continue.': 'Tovuti imefungwa. Ifungue ili kuendelea.',
    'This request is not one Kliniki knows.': 'Kliniki haitambui ombi hili.',
    'Some of the information sent was not valid.': 'Baadhi ya taarifa zilizotumwa si sahihi.',
    'Something went wrong inside Kliniki and nothing was changed. If it happens again, tell your support contact the code {code}.':
      'Hitilafu imetokea ndani ya Kliniki na hakuna kilichobadilishwa. Ikitokea tena, mpe mtu wako wa msaada namba hii: {code}.',
    'Please correct the field marked below.': 'Tafadhali rekebisha sehemu iliyoonyeshwa hapa chini.',
    'Please correct the {count} fields marked below.': 'Tafadhali rekebisha sehemu {count} zilizoonyeshwa hapa chini.',
    'Must be at most {max} characters.': 'Herufi {max} tu kwa upeo.',
    'Use a date like 2024-03-31.': 'Tumia tarehe kama 2024-03-31.',
    'Enter the given name.': 'Andika jina la kwanza.',
    'The given name contains characters that cannot be part of a name.':
      'Jina la kwanza lina herufi ambazo haziwezi kuwa sehemu ya jina.',
    'The given name must contain letters.': 'Jina la kwanza lazima liwe na herufi.',
    'The family name contains characters that cannot be part of a name.':
      'Jina la ukoo lina herufi ambazo haziwezi kuwa sehemu ya jina.',
    'The family name must contain letters.': 'Jina la ukoo lazima liwe na herufi.',
    'Enter a phone number of 7 to 15 digits, for example +256 772 123456.':
      'Andika namba ya simu yenye tarakimu 7 hadi 15, kwa mfano +256 772 123456.',
    'This date does not exist. Check the day and month.': 'Tarehe hii haipo. Angalia siku na mwezi.',
    'The date of birth is more than {years} years ago.': 'Tarehe ya kuzaliwa ni zaidi ya miaka {years} iliyopita.',
    'A national ID has 3 to 40 letters or digits (spaces, / and - allowed).':
      'Kitambulisho cha taifa kina herufi au tarakimu 3 hadi 40 (nafasi, / na - vinaruhusiwa).',
    'Children under {age} need a parent, guardian or next of kin: enter their name.':
      'Watoto chini ya miaka {age} wanahitaji mzazi, mlezi au ndugu wa karibu: andika jina lake.',
    'The name contains characters that cannot be part of a name.':
      'Jina lina herufi ambazo haziwezi kuwa sehemu ya jina.',
    'This contains characters that cannot be stored.': 'Maandishi haya yana herufi ambazo haziwezi kuhifadhiwa.',
    'Another patient (clinic number {number}) already has this national ID. Search for them before registering again.':
      'Mgonjwa mwingine (namba ya kliniki {number}) tayari ana kitambulisho hiki cha taifa. Mtafute kabla ya kusajili tena.',
    'Another patient already has this national ID. Search for them before registering again.':
      'Mgonjwa mwingine tayari ana kitambulisho hiki cha taifa. Mtafute kabla ya kusajili tena.',
    'This patient is not on this laptop.': 'Mgonjwa huyu hayupo kwenye kompyuta hii.',
    'This patient record was not found on this laptop.': 'Faili la mgonjwa huyu halikupatikana kwenye kompyuta hii.',
    'A record not on this laptop': 'Rekodi ambayo haipo kwenye kompyuta hii',
    'A record cannot be marked as the same person as itself.':
      'Rekodi haiwezi kuwekwa alama kuwa mtu yule yule na yenyewe.',
    'One of these patient records is not on this laptop.': 'Moja ya rekodi hizi za wagonjwa haipo kwenye kompyuta hii.',
    'These two records are already marked as the same person.':
      'Rekodi hizi mbili tayari zimewekwa alama kuwa mtu yule yule.',
    'Same family name: {name}': 'Jina la ukoo ni moja: {name}',
    'Same given name: {name}': 'Jina la kwanza ni moja: {name}',
    'Names sound alike: {mine} ~ {theirs}': 'Majina yanatamkika sawa: {mine} ~ {theirs}',
    'Names are spelled alike: {mine} ~ {theirs}': 'Majina yanaandikwa karibu sawa: {mine} ~ {theirs}',
    'Same national ID': 'Kitambulisho cha taifa ni kimoja',
    'Same phone number': 'Namba ya simu ni moja',
    'Born the same day': 'Walizaliwa siku moja',
    'Born about the same year ({year}, estimated)': 'Walizaliwa karibu mwaka mmoja ({year}, makadirio)',
    'Born the same year ({year})': 'Walizaliwa mwaka mmoja ({year})',
    'Born within a year of each other': 'Walizaliwa ndani ya mwaka mmoja',
    'Same village: {village}': 'Kijiji ni kimoja: {village}',
    'This visit is not on this laptop.': 'Ziara hii haipo kwenye kompyuta hii.',
    'Choose the type of visit.': 'Chagua aina ya ziara.',
    'Choose one of the visit types listed.': 'Chagua moja ya aina za ziara zilizoorodheshwa.',
    'This visit is already finished; start a new visit to record more.':
      'Ziara hii imeshakamilika; anza ziara mpya ili kurekodi zaidi.',
    'Enter the {noun} as a number, for example 12.5.': 'Andika {noun} kwa tarakimu, kwa mfano 12.5.',
    'Enter the systolic pressure too, or clear both.': 'Andika pia shinikizo la sistoli, au futa zote mbili.',
    'Enter the diastolic pressure too, or clear both.': 'Andika pia shinikizo la diastoli, au futa zote mbili.',
    'Enter at least one measurement.': 'Andika angalau kipimo kimoja.',
    'Unknown patient': 'Mgonjwa asiyejulikana',
    Height: 'Urefu',
    Length: 'Urefu akiwa amelala',
    MUAC: 'MUAC',
    'Sick visit': 'Ziara ya ugonjwa',
    'Child welfare and growth monitoring': 'Afya ya mtoto na ufuatiliaji wa ukuaji',
    Immunization: 'Chanjo',
    'Antenatal care': 'Huduma ya kabla ya kujifungua',
    'Follow-up': 'Ufuatiliaji',
    'The {noun} must be entered in {units}; "{unit}" is not one of them.':
      '{noun} lazima kiandikwe kwa {units}; "{unit}" si mojawapo.',
    'Enter the {noun} as a number.': 'Andika {noun} kwa tarakimu.',
    'A {noun} of {value} {unit} is not possible; check the value and the unit.':
      'Thamani ya {value} {unit} kwa {noun} haiwezekani; angalia thamani na kipimo.',
    weight: 'uzito',
    length: 'urefu akiwa amelala',
    height: 'urefu',
    'mid-upper arm circumference': 'mzingo wa katikati ya mkono',
    'arm circumference (MUAC)': 'mzingo wa mkono (MUAC)',
    temperature: 'joto la mwili',
    pulse: 'mapigo ya moyo',
    'respiratory rate': 'kasi ya kupumua',
    'systolic blood pressure': 'shinikizo la damu la sistoli',
    'diastolic blood pressure': 'shinikizo la damu la diastoli',
    'systolic pressure': 'shinikizo la sistoli',
    'diastolic pressure': 'shinikizo la diastoli',
    'oxygen saturation': 'kiwango cha oksijeni',
    '{what} of {value}/min is fast for {who} (above {high}).':
      '{what} {value}/dakika ni kasi kwa {who} (zaidi ya {high}).',
    '{what} of {value}/min is slow for {who} (below {low}).':
      '{what} {value}/dakika ni polepole kwa {who} (chini ya {low}).',
    'an infant': 'mtoto mchanga',
    'a child under 5': 'mtoto chini ya miaka 5',
    'a child aged 5 to 11': 'mtoto wa miaka 5 hadi 11',
    'an adult': 'mtu mzima',
    'an infant under 2 months': 'mtoto mchanga chini ya miezi 2',
    'an infant aged 2 to 11 months': 'mtoto mchanga wa miezi 2 hadi 11',
    'a child aged 1 to 4 years': 'mtoto wa miaka 1 hadi 4',
    'MUAC of {cm} cm is below 11.5 cm: severe acute malnutrition (child of 6–59 months).':
      'MUAC ya sm {cm} ni chini ya sm 11.5: utapiamlo mkali wa ghafla (mtoto wa miezi 6–59).',
    'MUAC of {cm} cm is below 12.5 cm: moderate acute malnutrition (child of 6–59 months).':
      'MUAC ya sm {cm} ni chini ya sm 12.5: utapiamlo wa wastani wa ghafla (mtoto wa miezi 6–59).',
    'Temperature of {c} °C is a high fever (39.5 °C or more).': 'Joto la {c} °C ni homa kali (39.5 °C au zaidi).',
    'Temperature of {c} °C is a fever (38 °C or more).': 'Joto la {c} °C ni homa (38 °C au zaidi).',
    'Temperature of {c} °C is hypothermia (below 35.5 °C).': 'Joto la {c} °C ni joto la chini mno (chini ya 35.5 °C).',
    'Systolic pressure of {v} mmHg is very high (180 or more).':
      'Shinikizo la sistoli la {v} mmHg ni la juu sana (180 au zaidi).',
    'Systolic pressure of {v} mmHg is high (140 or more).':
      'Shinikizo la sistoli la {v} mmHg ni la juu (140 au zaidi).',
    'Systolic pressure of {v} mmHg is low (below 90).': 'Shinikizo la sistoli la {v} mmHg ni la chini (chini ya 90).',
    'Diastolic pressure of {v} mmHg is very high (110 or more).':
      'Shinikizo la diastoli la {v} mmHg ni la juu sana (110 au zaidi).',
    'Diastolic pressure of {v} mmHg is high (90 or more).':
      'Shinikizo la diastoli la {v} mmHg ni la juu (90 au zaidi).',
    'Diastolic pressure of {v} mmHg is low (below 60).': 'Shinikizo la diastoli la {v} mmHg ni la chini (chini ya 60).',
    'Oxygen saturation of {v} % is very low (below 90 %).':
      'Kiwango cha oksijeni cha {v} % ni cha chini sana (chini ya 90 %).',
    'Oxygen saturation of {v} % is low (below 94 %).': 'Kiwango cha oksijeni cha {v} % ni cha chini (chini ya 94 %).',
    'Date of birth is estimated': 'Tarehe ya kuzaliwa ni ya makadirio',
    'Village and address': 'Kijiji na anwani',
    'Clinic number and IDs': 'Namba ya kliniki na vitambulisho',
    Record: 'Rekodi',
    Status: 'Hali',
    Notes: 'Maelezo',
    'Patient {name} ({number})': 'Mgonjwa {name} ({number})',
    'Patient {name}': 'Mgonjwa {name}',
    'This record was deleted at the central registry, but it was also changed on this laptop.':
      'Rekodi hii ilifutwa kwenye sajili kuu, lakini pia ilibadilishwa kwenye kompyuta hii.',
    'This record was changed both here and at the central registry. Choose which version of each detail to keep.':
      'Rekodi hii ilibadilishwa hapa na pia kwenye sajili kuu. Chagua toleo la kubaki nalo kwa kila taarifa.',
    'The central registry refused this change.': 'Sajili kuu imekataa badiliko hili.',
    'The central registry refused this change: {reasons}': 'Sajili kuu imekataa badiliko hili: {reasons}',
    'The central registry refused this change (HTTP {status}).': 'Sajili kuu imekataa badiliko hili (HTTP {status}).',
    'This conflict was already resolved.': 'Mgongano huu umeshatatuliwa.',
    'Choose a version for: {fields}.': 'Chagua toleo kwa: {fields}.',
    'Choose which version to keep.': 'Chagua toleo la kubaki nalo.',
    'There is no refused change for this record any more.': 'Hakuna tena badiliko lililokataliwa kwa rekodi hii.',
    'This laptop is not connected to a central registry yet. An administrator can set it up in Settings.':
      'Kompyuta hii bado haijaunganishwa na sajili kuu. Msimamizi anaweza kuiweka kwenye Mipangilio.',
    'Enter the address of the central registry.': 'Andika anwani ya sajili kuu.',
    'Enter the address of its sign-in (token) service.': 'Andika anwani ya huduma yake ya kuingia (tokeni).',
    'Enter the device ID this laptop was registered with.':
      'Andika kitambulisho cha kifaa ambacho kompyuta hii ilisajiliwa nacho.',
    'Enter the device secret.': 'Andika siri ya kifaa.',
    'Fill in the connection details first.': 'Jaza kwanza taarifa za muunganisho.',
    'Enter an address starting with https:// (or http:// on a local network).':
      'Andika anwani inayoanza na https:// (au http:// kwenye mtandao wa ndani).',
    'Use a FHIR resource type such as Patient.': 'Tumia aina ya rasilimali ya FHIR, kwa mfano Patient.',
    'Changes come down through the server’s history, deletions included.':
      'Mabadiliko yanashuka kupitia historia ya seva, pamoja na yaliyofutwa.',
    'Changes come down by search on {param}; deletions are found by comparing records.':
      'Mabadiliko yanashuka kwa utafutaji kwenye {param}; yaliyofutwa hupatikana kwa kulinganisha rekodi.',
    'Changes come down by search (the server cannot filter by date, so each sync reads everything); deletions are found by comparing records.':
      'Mabadiliko yanashuka kwa utafutaji (seva haiwezi kuchuja kwa tarehe, hivyo kila usawazishaji husoma kila kitu); yaliyofutwa hupatikana kwa kulinganisha rekodi.',
    'New records go up under the ids this laptop gives them.':
      'Rekodi mpya hupanda kwa vitambulisho ambavyo kompyuta hii inazipa.',
    'New records go up as conditional creates; the server gives them their ids.':
      'Rekodi mpya hupanda kama uundaji wa masharti; seva huzipa vitambulisho vyake.',
    'The sign-in server of the central registry could not be reached.': 'Seva ya kuingia ya sajili kuu haikupatikana.',
    'The sign-in server has a problem right now (HTTP {status}).':
      'Seva ya kuingia ina tatizo kwa sasa (HTTP {status}).',
    'The central registry does not accept this device ID and secret. Check both, as the central registry gave them.':
      'Sajili kuu haikubali kitambulisho na siri hii ya kifaa. Viangalie vyote viwili, kama sajili kuu ilivyovitoa.',
    'The central registry refused to sign this laptop in ({reason}).':
      'Sajili kuu imekataa kompyuta hii kuingia ({reason}).',
    'Sync was stopped.': 'Usawazishaji ulisimamishwa.',
    'The central registry could not be reached ({reason}).': 'Sajili kuu haikupatikana ({reason}).',
    'The connection dropped while receiving data ({reason}).':
      'Muunganisho ulikatika wakati wa kupokea data ({reason}).',
    'The central registry answered with something that is not FHIR JSON (HTTP {status}).':
      'Sajili kuu ilijibu kwa kitu ambacho si FHIR JSON (HTTP {status}).',
    'The central registry refused this laptop’s credentials. Check the device ID and secret in the sync settings.':
      'Sajili kuu imekataa vitambulisho vya kompyuta hii. Angalia kitambulisho na siri ya kifaa kwenye mipangilio ya usawazishaji.',
    'The central registry has a problem right now (HTTP {status}). Sync will try again later.':
      'Sajili kuu ina tatizo kwa sasa (HTTP {status}). Usawazishaji utajaribu tena baadaye.',
    'The central registry answered with something that is not a FHIR Bundle.':
      'Sajili kuu ilijibu kwa kitu ambacho si Bundle ya FHIR.',
    'The central registry refused to list {type} (HTTP {status}).':
      'Sajili kuu imekataa kuorodhesha {type} (HTTP {status}).',
    'The central registry could not store a change right now (HTTP {status}). Sync will try again.':
      'Sajili kuu haikuweza kuhifadhi badiliko kwa sasa (HTTP {status}). Usawazishaji utajaribu tena.',
    'This address does not answer like a FHIR server (no CapabilityStatement at /metadata).':
      'Anwani hii haijibu kama seva ya FHIR (hakuna CapabilityStatement kwenye /metadata).',
    'Sync stopped because of an unexpected problem. Your data here is safe; it will try again.':
      'Usawazishaji ulisimama kwa sababu ya tatizo lisilotarajiwa. Data yako hapa iko salama; utajaribu tena.',
    'Sync stopped unexpectedly ({reason}). Your data here is safe; it will try again.':
      'Usawazishaji ulisimama ghafla ({reason}). Data yako hapa iko salama; utajaribu tena.',
    'This page was opened without its access key. Open Kliniki from the link it printed when it started.':
      'Ukurasa huu ulifunguliwa bila ufunguo wake wa kuingia. Fungua Kliniki kupitia kiungo kilichoonyeshwa ilipoanza.',
    'Kliniki could not reach its core. Please try again.':
      'Kliniki haikuweza kufikia kiini chake. Tafadhali jaribu tena.',
    'The connection to the Kliniki core was lost.': 'Muunganisho na kiini cha Kliniki umekatika.',
  },
};
