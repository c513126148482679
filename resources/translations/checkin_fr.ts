<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AccreditationActions</name>
    <message>
        <source>Not recorded: %1</source>
        <translation>Non enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>Note of %1 done.</source>
        <translation>Note de %1 traitée.</translation>
    </message>
    <message>
        <source>ID of %1 checked.</source>
        <translation>Pièce d’identité de %1 vérifiée.</translation>
    </message>
</context>
<context>
    <name>AccreditationStrip</name>
    <message>
        <source>%1: returned</source>
        <translation>%1&#xa0;: rendu·e</translation>
    </message>
    <message>
        <source>Photo of the person</source>
        <translation>Photo de la personne</translation>
    </message>
    <message>
        <source>Attention note</source>
        <translation>Note pour l’accueil</translation>
    </message>
    <message>
        <source>Supervisor override</source>
        <translation>Dérogation du ou de la responsable</translation>
    </message>
    <message>
        <source>ID checked</source>
        <translation>Pièce d’identité vérifiée</translation>
    </message>
    <message>
        <source>Hand out: %1</source>
        <translation>Remettre&#xa0;: %1</translation>
    </message>
    <message>
        <source>Take back: %1%2</source>
        <translation>Reprendre&#xa0;: %1%2</translation>
    </message>
    <message>
        <source>%1: handed out</source>
        <translation>%1&#xa0;: remis·e</translation>
    </message>
    <message>
        <source>ID checked ✓</source>
        <translation>Pièce d’identité vérifiée ✓</translation>
    </message>
    <message>
        <source>Supervisor override… (%1)</source>
        <translation>Dérogation… (%1)</translation>
    </message>
    <message>
        <source>ID check due — ID checked (%1)</source>
        <translation>Pièce d’identité à vérifier — vérifiée (%1)</translation>
    </message>
    <message>
        <source>NOTE: %1  (%2: done)</source>
        <translation>NOTE&#xa0;: %1  (%2&#xa0;: traitée)</translation>
    </message>
</context>
<context>
    <name>AccreditationTab</name>
    <message numerus="yes">
        <source>Open no&amp;tes of people here: %n</source>
        <translation>
            <numerusform>No&amp;tes ouvertes des personnes présentes&#xa0;: %n</numerusform>
            <numerusform>No&amp;tes ouvertes des personnes présentes&#xa0;: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Still holding an item (end of day): %n</source>
        <translation>
            <numerusform>&amp;Objets encore à rendre (fin de journée)&#xa0;: %n</numerusform>
            <numerusform>&amp;Objets encore à rendre (fin de journée)&#xa0;: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved: %n row(s)</source>
        <translation>
            <numerusform>Enregistré&#xa0;: %n ligne</numerusform>
            <numerusform>Enregistré&#xa0;: %n lignes</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Arrivée</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Remis</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Rendus</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>À rendre</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>À remettre</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Out since</source>
        <translation>Remis à</translation>
    </message>
    <message>
        <source>Open notes of people here</source>
        <translation>Notes ouvertes des personnes présentes</translation>
    </message>
    <message>
        <source>Hand-outs per item</source>
        <translation>Remises par objet</translation>
    </message>
    <message>
        <source>Still holding an item</source>
        <translation>Objets encore à rendre</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>Save who still holds what as CSV or Excel</source>
        <translation>Enregistrer qui détient encore quoi en CSV ou Excel</translation>
    </message>
    <message>
        <source>&amp;Hand-outs per item</source>
        <translation>&amp;Remises par objet</translation>
    </message>
    <message>
        <source>Export who still holds what</source>
        <translation>Exporter qui détient encore quoi</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV files (*.csv)</source>
        <translation>Classeur Excel (*.xlsx);;Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>gardé</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>AgendaPage</name>
    <message>
        <source>Agenda</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Badge colour of the category</source>
        <translation>Couleur de badge de la catégorie</translation>
    </message>
    <message>
        <source>Event name</source>
        <translation>Nom de l’événement</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Event date</source>
        <translation>Date de l’événement</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Badge language</source>
        <translation>Langue des badges</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <source>Venue capacity (0 = no limit)</source>
        <translation>Capacité du lieu (0 = sans limite)</translation>
    </message>
    <message>
        <source>Registration &amp;opens at</source>
        <translation>Ouverture de l’&amp;accueil à</translation>
    </message>
    <message>
        <source>Registration has an opening time</source>
        <translation>L’accueil a une heure d’ouverture</translation>
    </message>
    <message>
        <source>Registration opening time</source>
        <translation>Heure d’ouverture de l’accueil</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Venue:</source>
        <translation>&amp;Lieu&#xa0;:</translation>
    </message>
    <message>
        <source>Addr&amp;ess:</source>
        <translation>Adr&amp;esse&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date&#xa0;:</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Fuseau horaire&#xa0;:</translation>
    </message>
    <message>
        <source>Badge &amp;language:</source>
        <translation>Lan&amp;gue des badges&#xa0;:</translation>
    </message>
    <message>
        <source>Ca&amp;pacity:</source>
        <translation>Ca&amp;pacité&#xa0;:</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Salle</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacité</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Présences</translation>
    </message>
    <message>
        <source>&amp;Add session</source>
        <translation>A&amp;jouter une session</translation>
    </message>
    <message>
        <source>Add a session</source>
        <translation>Ajouter une session</translation>
    </message>
    <message>
        <source>&amp;Remove session</source>
        <translation>Supp&amp;rimer la session</translation>
    </message>
    <message>
        <source>Remove the selected session</source>
        <translation>Supprimer la session sélectionnée</translation>
    </message>
    <message>
        <source>Sort by ti&amp;me</source>
        <translation>&amp;Trier par heure</translation>
    </message>
    <message>
        <source>Sort the sessions by start time</source>
        <translation>Trier les sessions par heure de début</translation>
    </message>
    <message>
        <source>Double-click a cell or press F2 to edit it; times are local to the event.</source>
        <translation>Double-cliquez sur une cellule ou appuyez sur F2 pour la modifier&#x202f;; les heures sont celles du lieu de l’événement.</translation>
    </message>
    <message>
        <source>Categories and badge colours</source>
        <translation>Catégories et couleurs des badges</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Add cate&amp;gory</source>
        <translation>Ajouter une &amp;catégorie</translation>
    </message>
    <message>
        <source>Add a category</source>
        <translation>Ajouter une catégorie</translation>
    </message>
    <message>
        <source>Remove categor&amp;y</source>
        <translation>Supprimer la catégor&amp;ie</translation>
    </message>
    <message>
        <source>Remove the selected category</source>
        <translation>Supprimer la catégorie sélectionnée</translation>
    </message>
    <message>
        <source>&amp;Colour…</source>
        <translation>C&amp;ouleur…</translation>
    </message>
    <message>
        <source>Change the badge colour</source>
        <translation>Changer la couleur du badge</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Vers le &amp;haut</translation>
    </message>
    <message>
        <source>Move the category up</source>
        <translation>Monter la catégorie</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Vers le &amp;bas</translation>
    </message>
    <message>
        <source>Move the category down</source>
        <translation>Descendre la catégorie</translation>
    </message>
    <message>
        <source>Categories (badge colours)</source>
        <translation>Catégories (couleurs des badges)</translation>
    </message>
    <message>
        <source>Problems to fix before saving</source>
        <translation>Problèmes à corriger avant d’enregistrer</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Enregi&amp;strer</translation>
    </message>
    <message>
        <source>Save the event, sessions and categories</source>
        <translation>Enregistrer l’événement, les sessions et les catégories</translation>
    </message>
    <message>
        <source>Rever&amp;t</source>
        <translation>Ann&amp;uler les modifications</translation>
    </message>
    <message>
        <source>Discard the changes</source>
        <translation>Abandonner les modifications</translation>
    </message>
    <message>
        <source>The database cannot be reached: no session or category can be removed now.</source>
        <translation>La base de données est injoignable&#xa0;: aucune session ni catégorie ne peut être supprimée pour l’instant.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Double-click or press Colour… to change</source>
        <translation>Double-cliquez ou appuyez sur Couleur… pour la changer</translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation>Modifications non enregistrées.</translation>
    </message>
    <message>
        <source>the name</source>
        <translation>le nom</translation>
    </message>
    <message>
        <source>the venue</source>
        <translation>le lieu</translation>
    </message>
    <message>
        <source>the address</source>
        <translation>l’adresse</translation>
    </message>
    <message>
        <source>the time zone</source>
        <translation>le fuseau horaire</translation>
    </message>
    <message>
        <source>the language</source>
        <translation>la langue</translation>
    </message>
    <message>
        <source>the title</source>
        <translation>le titre</translation>
    </message>
    <message>
        <source>the room</source>
        <translation>la salle</translation>
    </message>
    <message>
        <source>the start</source>
        <translation>le début</translation>
    </message>
    <message>
        <source>the end</source>
        <translation>la fin</translation>
    </message>
    <message>
        <source>the colour</source>
        <translation>la couleur</translation>
    </message>
    <message>
        <source>the key</source>
        <translation>la clé</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>sans titre</translation>
    </message>
    <message>
        <source>Session %1 “%2”</source>
        <translation>Session %1 «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>sans nom</translation>
    </message>
    <message>
        <source>Category %1 “%2”</source>
        <translation>Catégorie %1 «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>%1: %2 is required.</source>
        <translation>%1&#xa0;: %2 est obligatoire.</translation>
    </message>
    <message>
        <source>%1: %2 is too long.</source>
        <translation>%1&#xa0;: %2 dépasse la longueur maximale.</translation>
    </message>
    <message>
        <source>%1: the end must be after the start.</source>
        <translation>%1&#xa0;: la fin doit être après le début.</translation>
    </message>
    <message>
        <source>%1: %2 is the same as another one&apos;s.</source>
        <translation>%1&#xa0;: %2 fait doublon avec une autre ligne.</translation>
    </message>
    <message>
        <source>%1: %2 is used twice.</source>
        <translation>%1&#xa0;: %2 apparaît deux fois.</translation>
    </message>
    <message>
        <source>%1: the colour must look like #1F6FB2.</source>
        <translation>%1&#xa0;: la couleur doit avoir la forme #1F6FB2.</translation>
    </message>
    <message>
        <source>%1: unknown time zone (e.g. Europe/Zurich).</source>
        <translation>%1&#xa0;: fuseau horaire inconnu (p. ex. Europe/Zurich).</translation>
    </message>
    <message>
        <source>%1: the language must be English or French.</source>
        <translation>%1&#xa0;: la langue doit être l’anglais ou le français.</translation>
    </message>
    <message>
        <source>Attendance has been recorded for this session: it cannot be removed. Untick “Attendance” instead.</source>
        <translation>Des présences ont été relevées pour cette session&#xa0;: elle ne peut pas être supprimée. Décochez plutôt «&#xa0;Présences&#xa0;».</translation>
    </message>
    <message>
        <source>Some delegates are in this category: it cannot be removed.</source>
        <translation>Des personnes sont dans cette catégorie&#xa0;: elle ne peut pas être supprimée.</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Nouvelle session</translation>
    </message>
    <message>
        <source>New category</source>
        <translation>Nouvelle catégorie</translation>
    </message>
    <message>
        <source>colour %1</source>
        <translation>couleur %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>The event could not be saved: %1</source>
        <translation>L’événement n’a pas pu être enregistré&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>checkin</source>
        <translation>checkin</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Nouvel événement</translation>
    </message>
    <message>
        <source>&amp;Restore the newest backup</source>
        <translation>&amp;Restaurer la sauvegarde la plus récente</translation>
    </message>
    <message>
        <source>Open &amp;read-only</source>
        <translation>Ouvrir en &amp;lecture seule</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Badges</source>
        <translation>Badges</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>%1 — checkin</source>
        <translation>%1 — checkin</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participant·e</translation>
    </message>
    <message>
        <source>The demo could not be created: %1</source>
        <translation>La démo n’a pas pu être créée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Newest backup: %1. The damaged file is kept beside the backups.</source>
        <translation>Sauvegarde la plus récente&#xa0;: %1. Le fichier endommagé est conservé à côté des sauvegardes.</translation>
    </message>
    <message>
        <source>Backed up at %1</source>
        <translation>Sauvegardé à %1</translation>
    </message>
    <message>
        <source>Backup failed: %1</source>
        <translation>Échec de la sauvegarde&#xa0;: %1</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Une erreur s’est produite&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1 (lecture seule)</translation>
    </message>
    <message>
        <source>The event could not be created: %1</source>
        <translation>L’événement n’a pas pu être créé&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ApplyPage</name>
    <message>
        <source>Import</source>
        <translation>Importation</translation>
    </message>
    <message>
        <source>All the changes are saved together, or none of them.</source>
        <translation>Toutes les modifications sont enregistrées ensemble, ou aucune.</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Progression de l’importation</translation>
    </message>
    <message>
        <source>&amp;Stop the import</source>
        <translation>&amp;Arrêter l’importation</translation>
    </message>
    <message>
        <source>Stop the import; nothing is changed</source>
        <translation>Arrêter l’importation&#x202f;; rien n’est modifié</translation>
    </message>
    <message>
        <source>Importing… (nothing is saved until the end)</source>
        <translation>Importation en cours… (rien n’est enregistré avant la fin)</translation>
    </message>
    <message>
        <source>Stopping… nothing will be changed.</source>
        <translation>Arrêt en cours… rien ne sera modifié.</translation>
    </message>
    <message>
        <source>⚠ Nothing was imported: the file has errors (%1). Correct it and try again.</source>
        <translation>⚠ Rien n’a été importé&#xa0;: le fichier contient des erreurs (%1). Corrigez-le et réessayez.</translation>
    </message>
    <message>
        <source>✓ Imported. New: %1. Updated: %2. Unchanged: %3. Restored: %4. Cancelled: %5. Rows skipped: %6.</source>
        <translation>✓ Importé. Nouveaux&#xa0;: %1. Mis à jour&#xa0;: %2. Inchangés&#xa0;: %3. Rétablis&#xa0;: %4. Annulés&#xa0;: %5. Lignes ignorées&#xa0;: %6.</translation>
    </message>
    <message>
        <source>✗ Import stopped: nothing was changed.</source>
        <translation>✗ Importation arrêtée&#xa0;: rien n’a été modifié.</translation>
    </message>
</context>
<context>
    <name>ArrivalPrinter</name>
    <message>
        <source>The badge could not be printed.</source>
        <translation>Le badge n’a pas pu être imprimé.</translation>
    </message>
    <message>
        <source>The PDF is at %1.</source>
        <translation>Le PDF se trouve ici&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The badge for %1 could not be printed; they are checked in.</source>
        <translation>Le badge de %1 n’a pas pu être imprimé&#x202f;; l’enregistrement est fait.</translation>
    </message>
    <message>
        <source>%1 Trying again by itself (attempt %2).</source>
        <translation>%1 Nouvel essai automatique (tentative %2).</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Print this badge again now</source>
        <translation>Réimprimer ce badge maintenant</translation>
    </message>
    <message>
        <source>Print log</source>
        <translation>Journal d’impression</translation>
    </message>
    <message>
        <source>Open the print log</source>
        <translation>Ouvrir le journal d’impression</translation>
    </message>
    <message>
        <source>This computer has no default printer.</source>
        <translation>Cet ordinateur n’a pas d’imprimante par défaut.</translation>
    </message>
    <message>
        <source>The printer “%1” is not available.</source>
        <translation>L’imprimante «&#xa0;%1&#xa0;» n’est pas disponible.</translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <source>Automatic backup failed ({kind}).</source>
        <translation>Échec de la sauvegarde automatique ({kind}).</translation>
    </message>
</context>
<context>
    <name>BadgePrinter</name>
    <message>
        <source>Print the badges</source>
        <translation>Imprimer les badges</translation>
    </message>
    <message>
        <source>Print the badge</source>
        <translation>Imprimer le badge</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>L’impression n’a pas pu démarrer.</translation>
    </message>
</context>
<context>
    <name>BadgeScreen</name>
    <message>
        <source>Checked in</source>
        <translation>Enregistré·e</translation>
    </message>
    <message>
        <source>Welcome, %1! You are checked in.</source>
        <translation>Bienvenue, %1&#xa0;! Votre arrivée est enregistrée.</translation>
    </message>
    <message>
        <source>You are checked in.</source>
        <translation>Votre arrivée est enregistrée.</translation>
    </message>
    <message>
        <source>Take your badge from the printer</source>
        <translation>Prenez votre badge à l’imprimante</translation>
    </message>
    <message>
        <source>Your badge is printing…</source>
        <translation>Votre badge s’imprime…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
</context>
<context>
    <name>BadgeTemplate</name>
    <message>
        <source>A4 sheet, 10 badges of 80 x 50 mm (Herma 4412 / Avery L4785)</source>
        <translation>Feuille A4, 10 badges de 80 x 50 mm (Herma 4412 / Avery L4785)</translation>
    </message>
    <message>
        <source>Ten 80 x 50 mm badges on A4 (210 x 297 mm), 2 columns x 5 rows: side margins 17.5 mm, top and bottom 13.5 mm, pitch 95 x 55 mm (15 mm between columns, 5 mm between rows). Matches Herma 4412 name-badge inserts and Avery L4785 (its template says origin 18 x 13 mm; the 0.5 mm difference is within the die-cut tolerance). Crop marks for cutting plain card.</source>
        <translation>Dix badges de 80 x 50 mm sur A4 (210 x 297 mm), 2 colonnes x 5 rangées&#xa0;: marges latérales 17,5 mm, en haut et en bas 13,5 mm, pas de 95 x 55 mm (15 mm entre les colonnes, 5 mm entre les rangées). Correspond aux inserts pour badges Herma 4412 et Avery L4785 (son gabarit indique une origine de 18 x 13 mm&#x202f;; l’écart de 0,5 mm reste dans la tolérance de prédécoupe). Traits de coupe pour découper du carton ordinaire.</translation>
    </message>
    <message>
        <source>A6 fold-over (A5 sheet folded to 148 x 105 mm)</source>
        <translation>A6 plié (feuille A5 pliée en 148 x 105 mm)</translation>
    </message>
    <message>
        <source>Two A6 landscape faces (148 x 105 mm) stacked on one A5 portrait sheet (148 x 210 mm). Fold along the horizontal middle line, printed side out: the upper face is printed upside down, so the folded badge reads the right way up on both sides and hangs from the fold. Fits A6 landscape badge pouches (about 155 x 110 mm inside). Two A6 portrait faces cannot share an A5 sheet top and bottom (that needs 105 x 296 mm), hence the landscape faces.</source>
        <translation>Deux faces A6 paysage (148 x 105 mm) l’une au-dessus de l’autre sur une feuille A5 portrait (148 x 210 mm). Pliez le long de la ligne médiane horizontale, face imprimée à l’extérieur&#xa0;: la face du haut est imprimée à l’envers, si bien que le badge plié se lit à l’endroit des deux côtés et pend par le pli. Convient aux porte-badges A6 paysage (environ 155 x 110 mm à l’intérieur). Deux faces A6 portrait ne tiennent pas l’une au-dessus de l’autre sur une feuille A5 (il faudrait 105 x 296 mm), d’où les faces en paysage.</translation>
    </message>
    <message>
        <source>A6 photo badge (105 x 148 mm), one per page</source>
        <translation>Badge A6 avec photo (105 x 148 mm), un par page</translation>
    </message>
    <message>
        <source>A6 portrait, 105 x 148 mm, one badge on each A6 page, with the delegate&apos;s photo (32 x 41 mm) beside the QR code: for events that check faces at the door. Someone without a photo gets an empty frame with their initials; the check before printing lists them. Fits the common A6 portrait badge pouches on a lanyard.</source>
        <translation>A6 portrait, 105 x 148 mm, un badge par page A6, avec la photo de la personne (32 x 41 mm) à côté du code QR&#xa0;: pour les événements qui contrôlent les visages à l’entrée. Sans photo, la personne a un cadre vide avec ses initiales&#xa0;; la vérification avant impression en dresse la liste. Convient aux porte-badges A6 portrait courants avec cordon.</translation>
    </message>
    <message>
        <source>A6 badge (105 x 148 mm), one per page</source>
        <translation>Badge A6 (105 x 148 mm), un par page</translation>
    </message>
    <message>
        <source>A6 portrait, 105 x 148 mm, one badge on each A6 page: for the common A6 portrait badge pouches (inside size about 110 x 155 mm) on a lanyard. Print on A6 card, or on A4 with the printer’s “4 pages per sheet” and cut in four.</source>
        <translation>A6 portrait, 105 x 148 mm, un badge par page A6&#xa0;: pour les porte-badges A6 portrait courants (environ 110 x 155 mm à l’intérieur) avec cordon. Imprimez sur du carton A6, ou sur A4 avec l’option «&#xa0;4 pages par feuille&#xa0;» de l’imprimante, puis coupez en quatre.</translation>
    </message>
    <message>
        <source>Brother 62 mm roll, 62 x 100 mm labels</source>
        <translation>Rouleau Brother 62 mm, étiquettes de 62 x 100 mm</translation>
    </message>
    <message>
        <source>62 x 100 mm labels for Brother QL printers: DK-22205 continuous 62 mm tape cut every 100 mm, or DK-11202 62 x 100 mm die-cut labels. Printed straight to the printer without a driver (checkin badges --printer), or through a driver with the paper size set to 62 x 100 mm. The printable width is 58.9 mm (696 dots at 300 dpi), so everything stays at least 2 mm from the sides and 3.5 mm from the ends. The tape is black-only: the category band is outlined and its label printed in black (on DK-22251 black/red tape, printed straight to the printer, the band is red).</source>
        <translation>Étiquettes de 62 x 100 mm pour imprimantes Brother QL&#xa0;: ruban continu DK-22205 de 62 mm coupé tous les 100 mm, ou étiquettes prédécoupées DK-11202 de 62 x 100 mm. Impression directe sur l’imprimante sans pilote (checkin badges --printer), ou par un pilote avec un format de papier de 62 x 100 mm. La largeur imprimable est de 58,9 mm (696 points à 300 dpi)&#x202f;: tout reste à au moins 2 mm des côtés et 3,5 mm des extrémités. Le ruban n’imprime qu’en noir&#xa0;: la bande de catégorie est tracée en contour et son libellé imprimé en noir (sur le ruban noir et rouge DK-22251, en impression directe, la bande est rouge).</translation>
    </message>
    <message>
        <source>CR80 card (85.6 x 54 mm), one per page</source>
        <translation>Carte CR80 (85,6 x 54 mm), une par page</translation>
    </message>
    <message>
        <source>CR80 / ISO ID-1 card, 85.60 x 53.98 mm, landscape, one card per page of 85.6 x 54 mm: the paper size card printers&apos; drivers offer (Evolis, Zebra, Magicard; 300 dpi, 1016 x 648 dots). Card printers print edge to edge, so the band runs to the edges.</source>
        <translation>Carte CR80 / ISO ID-1, 85,60 x 53,98 mm, paysage, une carte par page de 85,6 x 54 mm&#xa0;: le format proposé par les pilotes des imprimantes à cartes (Evolis, Zebra, Magicard&#x202f;; 300 dpi, 1016 x 648 points). Les imprimantes à cartes impriment bord à bord, la bande va donc jusqu’aux bords.</translation>
    </message>
    <message>
        <source>US Letter, 6 badges of 4 x 3 in (Avery 5392 / 74459)</source>
        <translation>US Letter, 6 badges de 4 x 3 po (Avery 5392 / 74459)</translation>
    </message>
    <message>
        <source>Six 4 x 3 in (101.6 x 76.2 mm) badges on US Letter (8.5 x 11 in, 215.9 x 279.4 mm), 2 columns x 3 rows with no gap between them: side margins 0.25 in (6.35 mm), top and bottom 1 in (25.4 mm). Matches the Avery 5392 name-badge inserts and the 74459 refills. Crop marks only on the outer edges (the badges touch).</source>
        <translation>Six badges de 4 x 3 po (101,6 x 76,2 mm) sur US Letter (8,5 x 11 po, 215,9 x 279,4 mm), 2 colonnes x 3 rangées sans espace entre eux&#xa0;: marges latérales 0,25 po (6,35 mm), en haut et en bas 1 po (25,4 mm). Correspond aux inserts pour badges Avery 5392 et aux recharges 74459. Traits de coupe seulement sur les bords extérieurs (les badges se touchent).</translation>
    </message>
</context>
<context>
    <name>BadgesPage</name>
    <message>
        <source>Badges</source>
        <translation>Badges</translation>
    </message>
    <message>
        <source>Save the badges as PDF</source>
        <translation>Enregistrer les badges en PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Modèle&#xa0;:</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>&amp;Aperçu</translation>
    </message>
    <message>
        <source>Preview the badges</source>
        <translation>Afficher l’aperçu des badges</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>Print the badges</source>
        <translation>Imprimer les badges</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>Enregistrer en P&amp;DF…</translation>
    </message>
    <message>
        <source>Save the badges as a PDF file</source>
        <translation>Enregistrer les badges dans un fichier PDF</translation>
    </message>
    <message>
        <source>&amp;Reprint…</source>
        <translation>&amp;Réimprimer…</translation>
    </message>
    <message>
        <source>Reprint the chosen badges (revokes the old ones)</source>
        <translation>Réimprimer les badges choisis (révoque les anciens)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Tick the people whose badges to print.</source>
        <translation>Cochez les personnes dont le badge est à imprimer.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Tick at least one person first.</source>
        <translation>Cochez d’abord au moins une personne.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was printed or recorded.</source>
        <translation>Annulé&#xa0;: rien n’a été imprimé ni enregistré.</translation>
    </message>
    <message>
        <source>Cancelled while sending pages to the printer. The badges were recorded as printed; print them again if the printer stopped mid-way.</source>
        <translation>Annulé pendant l’envoi des pages à l’imprimante. Les badges sont notés comme imprimés&#x202f;; imprimez-les à nouveau si l’imprimante s’est arrêtée en cours de route.</translation>
    </message>
    <message>
        <source>Could not write or print: %1</source>
        <translation>Impossible d’écrire ou d’imprimer&#xa0;: %1</translation>
    </message>
    <message>
        <source>Something went wrong (%1); nothing was recorded.</source>
        <translation>Une erreur s’est produite (%1)&#x202f;; rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Choose “Chosen people” and tick whose badge to reprint.</source>
        <translation>Choisissez «&#xa0;Personnes choisies&#xa0;» et cochez les badges à réimprimer.</translation>
    </message>
    <message>
        <source>Rendering the preview…</source>
        <translation>Préparation de l’aperçu…</translation>
    </message>
    <message>
        <source>Preview: %1 on %2, %3. Not recorded as printed.</source>
        <translation>Aperçu&#xa0;: %1 sur %2, %3. Non noté comme imprimé.</translation>
    </message>
    <message>
        <source>⚠ The preview could not be opened.</source>
        <translation>⚠ L’aperçu n’a pas pu être ouvert.</translation>
    </message>
    <message>
        <source>Saved %1 on %2 to %3.</source>
        <translation>Enregistrement dans %3&#xa0;: %1 sur %2.</translation>
    </message>
    <message>
        <source>Sent %1 on %2 to the printer.</source>
        <translation>Envoi à l’imprimante&#xa0;: %1 sur %2.</translation>
    </message>
    <message>
        <source>Preview ready.</source>
        <translation>Aperçu prêt.</translation>
    </message>
    <message numerus="yes">
        <source>%n badge(s)</source>
        <translation>
            <numerusform>%n badge</numerusform>
            <numerusform>%n badges</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Impression…</translation>
    </message>
    <message>
        <source>Saving the PDF…</source>
        <translation>Enregistrement du PDF…</translation>
    </message>
    <message numerus="yes">
        <source>%n old badge(s) revoked.</source>
        <translation>
            <numerusform>%n ancien badge révoqué.</numerusform>
            <numerusform>%n anciens badges révoqués.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <source>Camera:</source>
        <translation>Caméra&#xa0;:</translation>
    </message>
    <message>
        <source>Start camera</source>
        <translation>Démarrer la caméra</translation>
    </message>
    <message>
        <source>Start scanning with the camera</source>
        <translation>Scanner avec la caméra</translation>
    </message>
    <message>
        <source>Camera status</source>
        <translation>État de la caméra</translation>
    </message>
    <message>
        <source>No camera found.</source>
        <translation>Aucune caméra trouvée.</translation>
    </message>
    <message>
        <source>Camera off.</source>
        <translation>Caméra éteinte.</translation>
    </message>
    <message>
        <source>No camera</source>
        <translation>Pas de caméra</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>Non disponible</translation>
    </message>
    <message>
        <source>Stop camera</source>
        <translation>Arrêter la caméra</translation>
    </message>
    <message>
        <source>Stop scanning with the camera</source>
        <translation>Arrêter le scan par la caméra</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>Caméra éteinte</translation>
    </message>
    <message>
        <source>Read a code — scanning with %1</source>
        <translation>Lecture d’un code — scan avec %1</translation>
    </message>
</context>
<context>
    <name>CameraPreview</name>
    <message>
        <source>Camera preview</source>
        <translation>Aperçu de la caméra</translation>
    </message>
    <message>
        <source>Hold the badge&apos;s QR code inside the square, about 20 cm from the camera.</source>
        <translation>Tenez le code QR du badge dans le carré, à environ 20 cm de la caméra.</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>Caméra éteinte</translation>
    </message>
</context>
<context>
    <name>CameraScanner</name>
    <message>
        <source>Camera scanning is not available on this computer (%1).</source>
        <translation>Le scan par caméra n’est pas disponible sur cet ordinateur (%1).</translation>
    </message>
    <message>
        <source>No camera found.</source>
        <translation>Aucune caméra trouvée.</translation>
    </message>
    <message>
        <source>Camera unavailable: it is no longer connected.</source>
        <translation>Caméra indisponible&#xa0;: elle n’est plus branchée.</translation>
    </message>
    <message>
        <source>Camera off.</source>
        <translation>Caméra éteinte.</translation>
    </message>
    <message>
        <source>Waiting for permission to use the camera…</source>
        <translation>En attente de l’autorisation d’utiliser la caméra…</translation>
    </message>
    <message>
        <source>Camera unavailable: this app is not allowed to use the camera (see the system&apos;s privacy settings).</source>
        <translation>Caméra indisponible&#xa0;: l’application n’est pas autorisée à utiliser la caméra (voir les réglages de confidentialité du système).</translation>
    </message>
    <message>
        <source>Scanning with %1</source>
        <translation>Scan avec %1</translation>
    </message>
    <message>
        <source>the camera reported an error</source>
        <translation>la caméra a signalé une erreur</translation>
    </message>
    <message>
        <source>Camera unavailable: %1</source>
        <translation>Caméra indisponible&#xa0;: %1</translation>
    </message>
    <message>
        <source>Camera unavailable: %1 was disconnected.</source>
        <translation>Caméra indisponible&#xa0;: %1 a été débranchée.</translation>
    </message>
</context>
<context>
    <name>ChangesPage</name>
    <message>
        <source>Review the changes</source>
        <translation>Vérifier les modifications</translation>
    </message>
    <message>
        <source>Nothing has been written yet. Delegates are never deleted: a cancelled delegate keeps their history and can be restored.</source>
        <translation>Rien n’a encore été écrit. Aucune fiche n’est jamais supprimée&#xa0;: une inscription annulée garde son historique et peut être rétablie.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>&amp;Replace the list: cancel the delegates missing from this file</source>
        <translation>&amp;Remplacer la liste&#xa0;: annuler les inscriptions absentes de ce fichier</translation>
    </message>
    <message>
        <source>Replace the list: cancel the delegates missing from this file</source>
        <translation>Remplacer la liste&#xa0;: annuler les inscriptions absentes de ce fichier</translation>
    </message>
    <message>
        <source>Changes the import will make</source>
        <translation>Modifications que l’importation va faire</translation>
    </message>
    <message>
        <source>Comparing with the delegates already registered…</source>
        <translation>Comparaison avec les personnes déjà inscrites…</translation>
    </message>
    <message>
        <source>New: %1. Updated: %2. Unchanged: %3. Restored: %4. To be cancelled: %5.</source>
        <translation>Nouveaux&#xa0;: %1. Mis à jour&#xa0;: %2. Inchangés&#xa0;: %3. Rétablis&#xa0;: %4. À annuler&#xa0;: %5.</translation>
    </message>
    <message>
        <source>✗ To be cancelled</source>
        <translation>✗ À annuler</translation>
    </message>
    <message>
        <source>↺ Restored</source>
        <translation>↺ Rétabli</translation>
    </message>
    <message>
        <source>✎ Updated</source>
        <translation>✎ Mis à jour</translation>
    </message>
    <message>
        <source>+ New</source>
        <translation>+ Nouveau</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Nº</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Fields changed</source>
        <translation>Champs modifiés</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>Check the rows</source>
        <translation>Vérifier les lignes</translation>
    </message>
    <message>
        <source>Every problem found, with its row and column in the file.</source>
        <translation>Tous les problèmes trouvés, avec leur ligne et leur colonne dans le fichier.</translation>
    </message>
    <message>
        <source>Problems found in the file</source>
        <translation>Problèmes trouvés dans le fichier</translation>
    </message>
    <message>
        <source>&amp;Skip the rows with errors and import the others</source>
        <translation>&amp;Ignorer les lignes avec des erreurs et importer les autres</translation>
    </message>
    <message>
        <source>Skip the rows with errors</source>
        <translation>Ignorer les lignes avec des erreurs</translation>
    </message>
    <message>
        <source>✗ Error</source>
        <translation>✗ Erreur</translation>
    </message>
    <message>
        <source>⚠ Warning</source>
        <translation>⚠ Avertissement</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) read: %2 with errors (listed below), %3 without. Correct the file and choose it again, or skip the rows with errors.</source>
        <translation>
            <numerusform>%n ligne lue&#xa0;: %2 avec des erreurs (voir ci-dessous), %3 sans. Corrigez le fichier et choisissez-le à nouveau, ou ignorez les lignes avec des erreurs.</numerusform>
            <numerusform>%n lignes lues&#xa0;: %2 avec des erreurs (voir ci-dessous), %3 sans. Corrigez le fichier et choisissez-le à nouveau, ou ignorez les lignes avec des erreurs.</numerusform>
        </translation>
    </message>
    <message>
        <source>✓ %1 read, no errors; %4 below.</source>
        <translation>✓ Lecture&#xa0;: %1, aucune erreur&#x202f;; %4 ci-dessous.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n ligne</numerusform>
            <numerusform>%n lignes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n avertissement</numerusform>
            <numerusform>%n avertissements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✓ %n row(s) read, no problems.</source>
        <translation>
            <numerusform>✓ %n ligne lue, aucun problème.</numerusform>
            <numerusform>✓ %n lignes lues, aucun problème.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfirmScreen</name>
    <message>
        <source>Is this you?</source>
        <translation>Est-ce bien vous&#xa0;?</translation>
    </message>
    <message>
        <source>Yes, check me in</source>
        <translation>Oui, c’est moi</translation>
    </message>
    <message>
        <source>No, this is not me</source>
        <translation>Non, ce n’est pas moi</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Arrivals over time</source>
        <translation>Arrivées au fil du temps</translation>
    </message>
    <message>
        <source>Arrived (cumulative)</source>
        <translation>Arrivées (cumul)</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Attendues</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Chart: cumulative arrivals over time</source>
        <translation>Graphique&#xa0;: arrivées cumulées au fil du temps</translation>
    </message>
    <message>
        <source>Attendance per session</source>
        <translation>Présence par session</translation>
    </message>
    <message>
        <source>Chart: attendance per session</source>
        <translation>Graphique&#xa0;: présence par session</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Présences</translation>
    </message>
    <message>
        <source>In the room now</source>
        <translation>Dans la salle maintenant</translation>
    </message>
    <message>
        <source>Arrivals by category</source>
        <translation>Arrivées par catégorie</translation>
    </message>
    <message>
        <source>Chart: arrivals by category</source>
        <translation>Graphique&#xa0;: arrivées par catégorie</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Arrivées</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Inscriptions</translation>
    </message>
    <message>
        <source>Top organisations</source>
        <translation>Principales organisations</translation>
    </message>
    <message>
        <source>Chart: top organisations</source>
        <translation>Graphique&#xa0;: principales organisations</translation>
    </message>
    <message>
        <source>Top countries</source>
        <translation>Principaux pays</translation>
    </message>
    <message>
        <source>Chart: top countries</source>
        <translation>Graphique&#xa0;: principaux pays</translation>
    </message>
    <message>
        <source>Time (%1)</source>
        <translation>Heure (%1)</translation>
    </message>
    <message>
        <source>%1 of %2 arrived by %3</source>
        <translation>%1 sur %2 arrivé·es à %3</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>✗ Not yet arrived</source>
        <translation>✗ Pas encore là</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>✓ In the room</source>
        <translation>✓ Dans la salle</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Maintenant</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Badge</translation>
    </message>
    <message>
        <source>✓ Arrived %1</source>
        <translation>✓ Arrivé·e à %1</translation>
    </message>
    <message>
        <source>↩ Left at %1</source>
        <translation>↩ Sorti·e à %1</translation>
    </message>
    <message>
        <source>No capacity set for this room</source>
        <translation>Aucune capacité définie pour cette salle</translation>
    </message>
    <message numerus="yes">
        <source>Within capacity: %n seat(s) free</source>
        <translation>
            <numerusform>Capacité respectée&#xa0;: %n place libre</numerusform>
            <numerusform>Capacité respectée&#xa0;: %n places libres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Near capacity: only %n seat(s) free</source>
        <translation>
            <numerusform>Presque plein&#xa0;: plus que %n place libre</numerusform>
            <numerusform>Presque plein&#xa0;: plus que %n places libres</numerusform>
        </translation>
    </message>
    <message>
        <source>Current session</source>
        <translation>Session en cours</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacité</translation>
    </message>
    <message>
        <source>Watch list alert</source>
        <translation>Alerte de la liste de suivi</translation>
    </message>
    <message>
        <source>No session running</source>
        <translation>Aucune session en cours</translation>
    </message>
    <message>
        <source>The agenda is over for today</source>
        <translation>Le programme est terminé pour aujourd’hui</translation>
    </message>
    <message>
        <source>In the room: %1 of %2</source>
        <translation>Dans la salle&#xa0;: %1 sur %2</translation>
    </message>
    <message>
        <source>In the room: %1</source>
        <translation>Dans la salle&#xa0;: %1</translation>
    </message>
    <message>
        <source>Starts at %1</source>
        <translation>Commence à %1</translation>
    </message>
    <message>
        <source>Full: the room is at capacity</source>
        <translation>Complet&#xa0;: la salle a atteint sa capacité</translation>
    </message>
    <message>
        <source>Over capacity by %2: admit no one until people leave</source>
        <translation>Capacité dépassée de %2&#xa0;: ne laissez entrer personne avant que des gens sortent</translation>
    </message>
    <message>
        <source>Now, %1–%2</source>
        <translation>En cours, %1–%2</translation>
    </message>
    <message>
        <source>%1 came in, %2 went out</source>
        <translation>%1 entrées, %2 sorties</translation>
    </message>
    <message>
        <source>Next session, %1–%2</source>
        <translation>Session suivante, %1–%2</translation>
    </message>
    <message>
        <source>checkin — projector</source>
        <translation>checkin — projecteur</translation>
    </message>
    <message>
        <source>Projector view</source>
        <translation>Vue projecteur</translation>
    </message>
    <message>
        <source>Not yet arrived</source>
        <translation>Pas encore là</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard — %1</source>
        <translation>Tableau de bord — %1</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Dernière mise à jour</translation>
    </message>
    <message>
        <source>Projector mode (F9)</source>
        <translation>Mode projecteur (F9)</translation>
    </message>
    <message>
        <source>Projector mode</source>
        <translation>Mode projecteur</translation>
    </message>
    <message>
        <source>Arrived / expected</source>
        <translation>Arrivées / attendues</translation>
    </message>
    <message>
        <source>Not yet arrived</source>
        <translation>Pas encore là</translation>
    </message>
    <message>
        <source>Walk-ins</source>
        <translation>Inscriptions sur place</translation>
    </message>
    <message>
        <source>Refused scans</source>
        <translation>Scans refusés</translation>
    </message>
    <message>
        <source>Not yet arrived: call list</source>
        <translation>Pas encore là&#xa0;: liste d’appel</translation>
    </message>
    <message>
        <source>Export call list (CSV)…</source>
        <translation>Exporter la liste d’appel (CSV)…</translation>
    </message>
    <message>
        <source>Export call list as CSV</source>
        <translation>Exporter la liste d’appel en CSV</translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n annulation</numerusform>
            <numerusform>%n annulations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate scan(s)</source>
        <translation>
            <numerusform>%n scan en double</numerusform>
            <numerusform>%n scans en double</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n registered person(s) have not arrived yet.</source>
        <translation>
            <numerusform>%n personne inscrite n’est pas encore arrivée.</numerusform>
            <numerusform>%n personnes inscrites ne sont pas encore arrivées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Call list saved: %n person(s)</source>
        <translation>
            <numerusform>Liste d’appel enregistrée&#xa0;: %n personne</numerusform>
            <numerusform>Liste d’appel enregistrée&#xa0;: %n personnes</numerusform>
        </translation>
    </message>
    <message>
        <source>Recent arrivals</source>
        <translation>Arrivées récentes</translation>
    </message>
    <message>
        <source>Watch list</source>
        <translation>Liste de suivi</translation>
    </message>
    <message>
        <source>Session to list</source>
        <translation>Session à afficher</translation>
    </message>
    <message>
        <source>Session attendance</source>
        <translation>Présence à la session</translation>
    </message>
    <message>
        <source>&amp;Session:</source>
        <translation>&amp;Session&#xa0;:</translation>
    </message>
    <message>
        <source>Dashboard views</source>
        <translation>Vues du tableau de bord</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Vue d’ensemble</translation>
    </message>
    <message>
        <source>&amp;Not yet arrived</source>
        <translation>&amp;Pas encore là</translation>
    </message>
    <message>
        <source>&amp;Recent arrivals</source>
        <translation>&amp;Arrivées récentes</translation>
    </message>
    <message>
        <source>&amp;Watch list</source>
        <translation>&amp;Liste de suivi</translation>
    </message>
    <message>
        <source>Session &amp;attendance</source>
        <translation>Présence à la sess&amp;ion</translation>
    </message>
    <message>
        <source>Accre&amp;ditation</source>
        <translation>Accré&amp;ditation</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Choisir…</translation>
    </message>
    <message>
        <source>Choose who is on the watch list</source>
        <translation>Choisir qui figure dans la liste de suivi</translation>
    </message>
    <message>
        <source>%1 arrived</source>
        <translation>%1 déjà là</translation>
    </message>
    <message>
        <source>registered at the desk</source>
        <translation>personnes inscrites à l’accueil</translation>
    </message>
    <message>
        <source>&amp;Not yet arrived (%1)</source>
        <translation>&amp;Pas encore là (%1)</translation>
    </message>
    <message>
        <source>%1 attended, %2 in the room now</source>
        <translation>Présences&#xa0;: %1, dans la salle maintenant&#xa0;: %2</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Mis à jour à %1</translation>
    </message>
    <message>
        <source>⚠ Not updated: %1</source>
        <translation>⚠ Pas à jour&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) chosen by name</source>
        <translation>
            <numerusform>%n personne choisie par son nom</numerusform>
            <numerusform>%n personnes choisies par leur nom</numerusform>
        </translation>
    </message>
    <message>
        <source>No one is watched: choose categories or people.</source>
        <translation>Personne n’est suivi·e&#xa0;: choisissez des catégories ou des personnes.</translation>
    </message>
    <message>
        <source>Watching %1 — %2 of %3 arrived</source>
        <translation>Suivi·es&#xa0;: %1 — %2 sur %3 arrivé·es</translation>
    </message>
    <message>
        <source>Could not save the watch list: %1</source>
        <translation>Impossible d’enregistrer la liste de suivi&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 arrived: %2%3 at %4</source>
        <translation>Arrivée (%1)&#xa0;: %2%3 à %4</translation>
    </message>
    <message>
        <source>Export call list</source>
        <translation>Exporter la liste d’appel</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not save the call list: %1</source>
        <translation>La liste d’appel n’a pas pu être enregistrée&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>DelegateDialog</name>
    <message>
        <source>Edit delegate no. %1</source>
        <translation>Modifier la fiche nº %1</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Enregi&amp;strer</translation>
    </message>
    <message>
        <source>Save the delegate</source>
        <translation>Enregistrer la fiche</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Fermer sans enregistrer</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>inscription annulée</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>inscription active</translation>
    </message>
    <message>
        <source>Delegate no. %1 (%2). Badge version %3.</source>
        <translation>Fiche nº %1 (%2). Version du badge&#xa0;: %3.</translation>
    </message>
</context>
<context>
    <name>DeskController</name>
    <message>
        <source>No lock PIN</source>
        <translation>Pas de code PIN de verrouillage</translation>
    </message>
    <message>
        <source>Set a lock PIN in the desk settings (Ctrl+,) to lock the desk.</source>
        <translation>Définissez un code PIN de verrouillage dans les réglages du poste (Ctrl+,) pour verrouiller le poste.</translation>
    </message>
    <message>
        <source>The settings could not be saved; they apply until the app closes.</source>
        <translation>Les réglages n’ont pas pu être enregistrés&#x202f;; ils s’appliquent jusqu’à la fermeture de l’application.</translation>
    </message>
    <message>
        <source>The person could not be registered.</source>
        <translation>La personne n’a pas pu être inscrite.</translation>
    </message>
    <message>
        <source>The badge could not be made.</source>
        <translation>Le badge n’a pas pu être créé.</translation>
    </message>
    <message>
        <source>Making the badge…</source>
        <translation>Création du badge…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Badge</translation>
    </message>
    <message>
        <source>Making the badge</source>
        <translation>Création du badge</translation>
    </message>
    <message>
        <source>The badge could not be printed; the PDF is at %1.</source>
        <translation>Le badge n’a pas pu être imprimé&#x202f;; le PDF se trouve ici&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Badge not made</source>
        <translation>Badge non créé</translation>
    </message>
    <message>
        <source>Cancelled. The person is registered and checked in; print their badge later.</source>
        <translation>Annulé. La personne est inscrite et enregistrée&#x202f;; imprimez son badge plus tard.</translation>
    </message>
    <message>
        <source>The badge could not be made; the person is registered and checked in.</source>
        <translation>Le badge n’a pas pu être créé&#x202f;; la personne est inscrite et enregistrée.</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>Impossible</translation>
    </message>
    <message>
        <source>This could not be recorded; the person is not checked in.</source>
        <translation>Cela n’a pas pu être enregistré&#x202f;; la personne n’est pas enregistrée.</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>The list of names could not be loaded; scanning still works.</source>
        <translation>La liste des noms n’a pas pu être chargée&#x202f;; le scan fonctionne toujours.</translation>
    </message>
</context>
<context>
    <name>DeskPage</name>
    <message>
        <source>Check-in mode</source>
        <translation>Mode d’accueil</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>&amp;Mode&#xa0;:</translation>
    </message>
    <message>
        <source>Door direction</source>
        <translation>Sens du passage</translation>
    </message>
    <message>
        <source>Coming in</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Going out</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>At a session&apos;s door: record people coming in, or going out</source>
        <translation>À la porte d’une session&#xa0;: enregistrer les entrées ou les sorties</translation>
    </message>
    <message>
        <source>&amp;Door:</source>
        <translation>&amp;Porte&#xa0;:</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Verrouillé</translation>
    </message>
    <message>
        <source>Locked: the settings and the other pages need the PIN</source>
        <translation>Verrouillé&#xa0;: les réglages et les autres pages demandent le code PIN</translation>
    </message>
    <message>
        <source>&amp;Walk-in…</source>
        <translation>&amp;Inscription sur place…</translation>
    </message>
    <message>
        <source>Register a walk-in</source>
        <translation>Inscrire une personne sur place</translation>
    </message>
    <message>
        <source>Register someone who is not on the list (Ctrl+N)</source>
        <translation>Inscrire une personne absente de la liste (Ctrl+N)</translation>
    </message>
    <message>
        <source>C&amp;amera</source>
        <translation>&amp;Caméra</translation>
    </message>
    <message>
        <source>Scan badges with the camera</source>
        <translation>Scanner les badges avec la caméra</translation>
    </message>
    <message>
        <source>Show the camera preview, for a desk without a USB scanner</source>
        <translation>Afficher l’aperçu de la caméra, pour un poste sans scanner USB</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>Ré&amp;glages…</translation>
    </message>
    <message>
        <source>Desk settings</source>
        <translation>Réglages du poste</translation>
    </message>
    <message>
        <source>Desk settings (Ctrl+,)</source>
        <translation>Réglages du poste (Ctrl+,)</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <source>Lock the desk</source>
        <translation>Verrouiller le poste</translation>
    </message>
    <message>
        <source>Lock the desk (Ctrl+L)</source>
        <translation>Verrouiller le poste (Ctrl+L)</translation>
    </message>
    <message>
        <source>Find by name, organisation, e-mail…</source>
        <translation>Chercher par nom, organisation, e-mail…</translation>
    </message>
    <message>
        <source>Find a person</source>
        <translation>Chercher une personne</translation>
    </message>
    <message>
        <source>People found</source>
        <translation>Personnes trouvées</translation>
    </message>
    <message>
        <source>&amp;Check in</source>
        <translation>&amp;Enregistrer l’arrivée</translation>
    </message>
    <message>
        <source>Check in the selected person</source>
        <translation>Enregistrer l’arrivée de la personne sélectionnée</translation>
    </message>
    <message>
        <source>Ed&amp;it details…</source>
        <translation>Modifier la &amp;fiche…</translation>
    </message>
    <message>
        <source>Edit the details of the selected person</source>
        <translation>Modifier la fiche de la personne sélectionnée</translation>
    </message>
    <message>
        <source>Correct a name, an organisation… (F2)</source>
        <translation>Corriger un nom, une organisation… (F2)</translation>
    </message>
    <message>
        <source>&amp;Find a person</source>
        <translation>C&amp;hercher une personne</translation>
    </message>
    <message>
        <source>No one found: register a walk-in with what was typed</source>
        <translation>Personne n’a été trouvé&#xa0;: inscrire sur place avec ce qui a été saisi</translation>
    </message>
    <message>
        <source>Recent scans</source>
        <translation>Scans récents</translation>
    </message>
    <message>
        <source>&amp;Undo check-in</source>
        <translation>Ann&amp;uler l’enregistrement</translation>
    </message>
    <message>
        <source>Undo the selected check-in</source>
        <translation>Annuler l’enregistrement sélectionné</translation>
    </message>
    <message>
        <source>Undo the selected check-in (Ctrl+Z)</source>
        <translation>Annuler l’enregistrement sélectionné (Ctrl+Z)</translation>
    </message>
    <message>
        <source>&amp;Recent scans</source>
        <translation>&amp;Scans récents</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Rien à annuler</translation>
    </message>
    <message>
        <source>Only an admission that has not been undone yet can be undone. Select it in the recent scans.</source>
        <translation>Seule une entrée qui n’a pas encore été annulée peut l’être. Sélectionnez-la dans les scans récents.</translation>
    </message>
    <message>
        <source>Station: %1</source>
        <translation>Poste&#xa0;: %1</translation>
    </message>
    <message>
        <source>Venue arrival</source>
        <translation>Arrivée sur le lieu</translation>
    </message>
    <message>
        <source>Session running now (auto)</source>
        <translation>Session en cours (auto)</translation>
    </message>
    <message>
        <source>Un&amp;lock…</source>
        <translation>Dé&amp;verrouiller…</translation>
    </message>
    <message>
        <source>Unlock the desk</source>
        <translation>Déverrouiller le poste</translation>
    </message>
    <message>
        <source>Unlock the desk with the PIN (Ctrl+L)</source>
        <translation>Déverrouiller le poste avec le code PIN (Ctrl+L)</translation>
    </message>
    <message>
        <source>⚠ Offline: the shared database cannot be reached. Keep scanning: check-ins are kept on this laptop and sent when it is back.</source>
        <translation>⚠ Hors ligne&#xa0;: la base de données partagée est injoignable. Continuez à scanner&#xa0;: les enregistrements sont gardés sur cet ordinateur et envoyés dès son retour.</translation>
    </message>
    <message numerus="yes">
        <source>%n check-in(s) waiting.</source>
        <translation>
            <numerusform>%n enregistrement en attente.</numerusform>
            <numerusform>%n enregistrements en attente.</numerusform>
        </translation>
    </message>
    <message>
        <source>S&amp;ound: on</source>
        <translation>S&amp;on&#xa0;: activé</translation>
    </message>
    <message>
        <source>Sound is on; press to mute</source>
        <translation>Le son est activé&#x202f;; appuyez pour le couper</translation>
    </message>
    <message>
        <source>S&amp;ound: off</source>
        <translation>S&amp;on&#xa0;: coupé</translation>
    </message>
    <message>
        <source>Sound is muted; press to turn it on</source>
        <translation>Le son est coupé&#x202f;; appuyez pour l’activer</translation>
    </message>
    <message>
        <source>A short sound for each result</source>
        <translation>Un son bref pour chaque résultat</translation>
    </message>
    <message>
        <source>Loading the list of names…</source>
        <translation>Chargement de la liste des noms…</translation>
    </message>
    <message>
        <source>Badge code — press Enter to check in</source>
        <translation>Code de badge — appuyez sur Entrée pour enregistrer l’arrivée</translation>
    </message>
    <message>
        <source>No one found.</source>
        <translation>Personne n’a été trouvé.</translation>
    </message>
    <message>
        <source>Incomplete scan — scan again</source>
        <translation>Scan incomplet — scannez à nouveau</translation>
    </message>
    <message>
        <source>Only part of the badge code was read; nothing was recorded.</source>
        <translation>Seule une partie du code du badge a été lue&#x202f;; rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>Admis·e</translation>
    </message>
    <message>
        <source>Already in</source>
        <translation>Déjà là</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Sorti·e</translation>
    </message>
    <message>
        <source>Not in the room</source>
        <translation>Pas dans la salle</translation>
    </message>
    <message>
        <source>(no one)</source>
        <translation>(aucune personne)</translation>
    </message>
    <message>
        <source>undone</source>
        <translation>annulé</translation>
    </message>
</context>
<context>
    <name>DeskScreen</name>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Please see the desk for your badge</source>
        <translation>Veuillez vous adresser à l’accueil pour votre badge</translation>
    </message>
    <message>
        <source>Please see the desk</source>
        <translation>Veuillez vous adresser à l’accueil</translation>
    </message>
    <message>
        <source>A member of staff will help you.</source>
        <translation>Une personne de l’équipe va vous aider.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>DetailsEditor</name>
    <message>
        <source>This delegate is no longer in the event.</source>
        <translation>Cette personne ne fait plus partie de l’événement.</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Non enregistré.</translation>
    </message>
    <message>
        <source>Nothing changed for %1.</source>
        <translation>Rien n’a changé pour %1.</translation>
    </message>
    <message>
        <source>Saved %1. Their badge was printed with the old details: reprint it.</source>
        <translation>%1&#xa0;: enregistré. Son badge a été imprimé avec les anciennes données&#xa0;: réimprimez-le.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1&#xa0;: enregistré.</translation>
    </message>
    <message>
        <source>Details saved</source>
        <translation>Informations enregistrées</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the delegate list</source>
        <translation>Choisir la liste des participant·e·s</translation>
    </message>
    <message>
        <source>A CSV or Excel (.xlsx) file with one delegate per row, headers in English or French.</source>
        <translation>Un fichier CSV ou Excel (.xlsx), une personne par ligne, en-têtes en anglais ou en français.</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>Fichier à importer</translation>
    </message>
    <message>
        <source>Path of a .csv or .xlsx file</source>
        <translation>Chemin d’un fichier .csv ou .xlsx</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>Choisir le fichier à importer</translation>
    </message>
    <message>
        <source>First rows of the file</source>
        <translation>Premières lignes du fichier</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fichier&#xa0;:</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>Delegate list</source>
        <translation>Liste des participant·e·s</translation>
    </message>
    <message>
        <source>Delegate lists (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>Listes de participant·e·s (*.csv *.xlsx *.txt);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>FirstStartPage</name>
    <message>
        <source>Welcome to checkin</source>
        <translation>Bienvenue dans checkin</translation>
    </message>
    <message>
        <source>This database has no event yet. How would you like to start?</source>
        <translation>Cette base de données ne contient encore aucun événement. Comment voulez-vous commencer&#x202f;?</translation>
    </message>
    <message>
        <source>Open the demo event</source>
        <translation>Ouvrir l’événement de démonstration</translation>
    </message>
    <message>
        <source>Create an event</source>
        <translation>Créer un événement</translation>
    </message>
    <message>
        <source>Import a roster</source>
        <translation>Importer une liste de participant·e·s</translation>
    </message>
    <message>
        <source>The demo is a fictional consultation in Geneva, dated today, to try scanning and search.</source>
        <translation>La démo est une consultation fictive à Genève, datée d’aujourd’hui, pour essayer le scan et la recherche.</translation>
    </message>
    <message>
        <source>Creating the demo event…</source>
        <translation>Création de l’événement de démonstration…</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import delegates</source>
        <translation>Importer des participant·e·s</translation>
    </message>
    <message>
        <source>this line is not UTF-8 like the rest of the file: read as Windows-1252 (check its accents)</source>
        <translation>cette ligne n’est pas en UTF-8 comme le reste du fichier&#xa0;: lue en Windows-1252 (vérifiez ses accents)</translation>
    </message>
    <message>
        <source>a NUL character was removed</source>
        <translation>un caractère NUL a été supprimé</translation>
    </message>
    <message>
        <source>cells %1 are merged: in this row they read as empty; unmerge them and fill in every row</source>
        <translation>les cellules %1 sont fusionnées&#xa0;: dans cette ligne, elles sont lues vides&#x202f;; annulez la fusion et remplissez chaque ligne</translation>
    </message>
    <message>
        <source>cell %1 holds a formula with no saved result and reads as empty; open the file in Excel and save it again</source>
        <translation>la cellule %1 contient une formule sans résultat enregistré et est lue vide&#x202f;; ouvrez le fichier dans Excel et enregistrez-le à nouveau</translation>
    </message>
    <message>
        <source>the file is CSV: sheet %1 ignored</source>
        <translation>le fichier est au format CSV&#xa0;: feuille %1 ignorée</translation>
    </message>
    <message>
        <source>%1 columns are named %2 (%3): the first (%4) is read, the others are not</source>
        <translation>%1 colonnes s’appellent %2 (%3)&#xa0;: la première (%4) est lue, les autres non</translation>
    </message>
    <message>
        <source>columns not imported: %1</source>
        <translation>colonnes non importées&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 cells but the header has %2: the cells after column %3 are not read (a delimiter inside a name?)</source>
        <translation>%1 cellules alors que l’en-tête en compte %2&#xa0;: les cellules après la colonne %3 ne sont pas lues (un séparateur dans un nom&#x202f;?)</translation>
    </message>
    <message>
        <source>only %1 cells but the header has %2: the row may be cut short</source>
        <translation>seulement %1 cellules alors que l’en-tête en compte %2&#xa0;: la ligne est peut-être tronquée</translation>
    </message>
    <message>
        <source>no first name and no last name</source>
        <translation>ni prénom ni nom</translation>
    </message>
    <message>
        <source>reference too long (%1 characters; at most %2)</source>
        <translation>référence trop longue (%1 caractères&#x202f;; au maximum %2)</translation>
    </message>
    <message>
        <source>first name too long (%1 characters; at most %2)</source>
        <translation>prénom trop long (%1 caractères&#x202f;; au maximum %2)</translation>
    </message>
    <message>
        <source>last name too long (%1 characters; at most %2)</source>
        <translation>nom trop long (%1 caractères&#x202f;; au maximum %2)</translation>
    </message>
    <message>
        <source>organisation too long (%1 characters; at most %2)</source>
        <translation>organisation trop longue (%1 caractères&#x202f;; au maximum %2)</translation>
    </message>
    <message>
        <source>email too long (%1 characters; at most %2)</source>
        <translation>adresse e-mail trop longue (%1 caractères&#x202f;; au maximum %2)</translation>
    </message>
    <message>
        <source>invalid e-mail address %1</source>
        <translation>adresse e-mail invalide %1</translation>
    </message>
    <message>
        <source>unknown country %1</source>
        <translation>pays inconnu %1</translation>
    </message>
    <message>
        <source>unknown category %1 (known: %2)</source>
        <translation>catégorie inconnue %1 (catégories connues&#xa0;: %2)</translation>
    </message>
    <message>
        <source>unknown category %1 (this event defines no categories)</source>
        <translation>catégorie inconnue %1 (cet événement ne définit aucune catégorie)</translation>
    </message>
    <message>
        <source>same reference as row %1</source>
        <translation>même référence qu’à la ligne %1</translation>
    </message>
    <message>
        <source>same email as row %1</source>
        <translation>même adresse e-mail qu’à la ligne %1</translation>
    </message>
    <message>
        <source>same name and organisation as row %1</source>
        <translation>mêmes nom et organisation qu’à la ligne %1</translation>
    </message>
    <message>
        <source>delegate no. %1 kept: the row that lists them has an error</source>
        <translation>participant·e n°&#xa0;%1 conservé·e&#xa0;: la ligne qui l’indique contient une erreur</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Full name (split into first and last)</source>
        <translation>Nom complet (séparé en prénom et nom)</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Attention note</source>
        <translation>Note pour l’accueil</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>virgule</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>point-virgule</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tabulation</translation>
    </message>
    <message>
        <source>Something went wrong (%1); nothing was changed.</source>
        <translation>Une erreur s’est produite (%1)&#x202f;; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>The file could not be read (%1).</source>
        <translation>Le fichier n’a pas pu être lu (%1).</translation>
    </message>
    <message>
        <source>Excel workbook, sheet “%1”</source>
        <translation>Classeur Excel, feuille «&#xa0;%1&#xa0;»</translation>
    </message>
    <message numerus="yes">
        <source>%1. Header in row %2; %n delegate row(s). The first rows:</source>
        <translation>
            <numerusform>%1. En-tête à la ligne %2&#x202f;; %n ligne de participant·e. Les premières lignes&#xa0;:</numerusform>
            <numerusform>%1. En-tête à la ligne %2&#x202f;; %n lignes de participant·e·s. Les premières lignes&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV, encoding %1, delimiter: %2</source>
        <translation>CSV, encodage %1, séparateur&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>JobBar</name>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel the running job</source>
        <translation>Annuler la tâche en cours</translation>
    </message>
</context>
<context>
    <name>JobProgressDialog</name>
    <message>
        <source>What is running</source>
        <translation>Tâche en cours</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Cancel the running job</source>
        <translation>Annuler la tâche en cours</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
<context>
    <name>Kiosk</name>
    <message>
        <source>Staff: no printer is chosen; badges are saved as PDF files.</source>
        <translation>Équipe&#xa0;: aucune imprimante choisie&#xa0;; les badges sont enregistrés en PDF.</translation>
    </message>
    <message>
        <source>Staff: the camera cannot be used; scanning works with the scanner.</source>
        <translation>Équipe&#xa0;: la caméra n’est pas utilisable&#xa0;; le lecteur fonctionne.</translation>
    </message>
    <message>
        <source>Staff: offline — check-ins are kept and sent later.</source>
        <translation>Équipe&#xa0;: hors ligne — les arrivées sont gardées et envoyées plus tard.</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Borne</translation>
    </message>
    <message>
        <source>Set a lock PIN in the desk settings first: staff close the kiosk with it.</source>
        <translation>Définissez d’abord un code PIN de verrouillage dans les réglages de l’accueil&#xa0;: l’équipe ferme la borne avec lui.</translation>
    </message>
</context>
<context>
    <name>KioskCaseWatch</name>
    <message>
        <source>registration cancelled</source>
        <translation>inscription annulée</translation>
    </message>
    <message>
        <source>an old badge (it was reprinted)</source>
        <translation>un ancien badge (il a été réimprimé)</translation>
    </message>
    <message>
        <source>already checked in (a lost badge?)</source>
        <translation>arrivée déjà enregistrée (badge perdu&#xa0;?)</translation>
    </message>
    <message>
        <source>refused by an entry rule</source>
        <translation>refusé·e par une règle d’entrée</translation>
    </message>
    <message>
        <source>not a badge of this event</source>
        <translation>pas un badge de cet événement</translation>
    </message>
    <message>
        <source>a badge of another event</source>
        <translation>un badge d’un autre événement</translation>
    </message>
    <message>
        <source>attention note open; hand them their badge</source>
        <translation>note à traiter&#xa0;; remettez-lui son badge</translation>
    </message>
    <message>
        <source>identity check due; hand them their badge</source>
        <translation>pièce d’identité à vérifier&#xa0;; remettez-lui son badge</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>une personne</translation>
    </message>
    <message>
        <source>%1 sent %2 to the desk</source>
        <translation>%1 a envoyé %2 à l’accueil</translation>
    </message>
    <message>
        <source>A kiosk</source>
        <translation>Une borne</translation>
    </message>
</context>
<context>
    <name>KioskController</name>
    <message numerus="yes">
        <source>Staff: the printer needs attention (%n badge(s) waiting).</source>
        <translation>
            <numerusform>Équipe&#xa0;: l’imprimante demande une intervention (%n badge en attente).</numerusform>
            <numerusform>Équipe&#xa0;: l’imprimante demande une intervention (%n badges en attente).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation>
            <numerusform>Trop de codes PIN erronés. Réessayez dans %n seconde.</numerusform>
            <numerusform>Trop de codes PIN erronés. Réessayez dans %n secondes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n attempt(s) left.</source>
        <translation>
            <numerusform>Code PIN erroné. Encore %n essai.</numerusform>
            <numerusform>Code PIN erroné. Encore %n essais.</numerusform>
        </translation>
    </message>
    <message>
        <source>Type at least two letters.</source>
        <translation>Tapez au moins deux lettres.</translation>
    </message>
    <message>
        <source>That does not match. Try again, or check the spelling.</source>
        <translation>Cela ne correspond pas. Réessayez ou vérifiez l’orthographe.</translation>
    </message>
    <message>
        <source>Staff: no printer is chosen; badges are saved as PDF files.</source>
        <translation>Équipe&#xa0;: aucune imprimante choisie&#xa0;; les badges sont enregistrés en PDF.</translation>
    </message>
    <message>
        <source>Staff: the kiosk cannot reach the database.</source>
        <translation>Équipe&#xa0;: la borne n’atteint pas la base de données.</translation>
    </message>
</context>
<context>
    <name>KioskKeys</name>
    <message>
        <source>space</source>
        <translation>espace</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espace</translation>
    </message>
    <message>
        <source>Delete the last letter</source>
        <translation>Effacer la dernière lettre</translation>
    </message>
    <message>
        <source>Clear the PIN</source>
        <translation>Effacer le code PIN</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>Effacer le dernier chiffre</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Self check-in</source>
        <translation>Enregistrement libre-service</translation>
    </message>
    <message>
        <source>Staff notice</source>
        <translation>Message pour l’équipe</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>checkin</source>
        <translation>checkin</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Match the columns</source>
        <translation>Associer les colonnes</translation>
    </message>
    <message>
        <source>The columns were guessed from the header; change any that is wrong.</source>
        <translation>Les colonnes ont été devinées d’après l’en-tête&#x202f;; corrigez celles qui sont fausses.</translation>
    </message>
    <message>
        <source>Column for %1</source>
        <translation>Colonne pour&#xa0;: %1</translation>
    </message>
    <message>
        <source>Delegates as they will be read</source>
        <translation>Les personnes telles qu’elles seront lues</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>(non importée)</translation>
    </message>
    <message>
        <source>Reading the file with these columns…</source>
        <translation>Lecture du fichier avec ces colonnes…</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) can be imported, %1 with errors.</source>
        <translation>
            <numerusform>%n ligne peut être importée, %1 avec des erreurs.</numerusform>
            <numerusform>%n lignes peuvent être importées, %1 avec des erreurs.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Cannot use the database %1: %2</source>
        <translation>Impossible d’utiliser la base de données %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Only a SQLite file can be opened read-only.</source>
        <translation>Seul un fichier SQLite peut être ouvert en lecture seule.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 n’existe pas.</translation>
    </message>
    <message>
        <source>the event no longer exists</source>
        <translation>l’événement n’existe plus</translation>
    </message>
    <message>
        <source>This database is on PostgreSQL: back it up with pg_dump (e.g. &apos;pg_dump -Fc -f checkin.dump DBNAME&apos;) and restore with pg_restore; checkin&apos;s own backup and restore are for SQLite files.</source>
        <translation>Cette base de données est sur PostgreSQL&#xa0;: sauvegardez-la avec pg_dump (p.&#xa0;ex. &apos;pg_dump -Fc -f checkin.dump DBNAME&apos;) et restaurez-la avec pg_restore&#x202f;; la sauvegarde et la restauration de checkin sont réservées aux fichiers SQLite.</translation>
    </message>
    <message>
        <source>Only a SQLite database file can be backed up.</source>
        <translation>Seul un fichier de base de données SQLite peut être sauvegardé.</translation>
    </message>
    <message>
        <source>keep must be at least 1.</source>
        <translation>keep doit valoir au moins 1.</translation>
    </message>
    <message>
        <source>Backup failed: %1 (%2).</source>
        <translation>Échec de la sauvegarde&#xa0;: %1 (%2).</translation>
    </message>
    <message>
        <source>Backup failed: %1.</source>
        <translation>Échec de la sauvegarde&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Restore failed: %1 (%2).</source>
        <translation>Échec de la restauration&#xa0;: %1 (%2).</translation>
    </message>
    <message>
        <source>Restore failed: %1.</source>
        <translation>Échec de la restauration&#xa0;: %1.</translation>
    </message>
    <message>
        <source>No database at %1.</source>
        <translation>Aucune base de données à l’emplacement %1.</translation>
    </message>
    <message>
        <source>No backup file at %1.</source>
        <translation>Aucun fichier de sauvegarde à l’emplacement %1.</translation>
    </message>
    <message>
        <source>The backup and the database are the same file.</source>
        <translation>La sauvegarde et la base de données sont le même fichier.</translation>
    </message>
    <message>
        <source>%1: cannot open (%2).</source>
        <translation>%1&#xa0;: ouverture impossible (%2).</translation>
    </message>
    <message>
        <source>%1 failed its integrity check: %2</source>
        <translation>%1 n’a pas passé le contrôle d’intégrité&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 is a SQLite file but not a checkin database.</source>
        <translation>%1 est un fichier SQLite, mais pas une base de données checkin.</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of checkin (schema %2); install that version to restore it.</source>
        <translation>%1 a été créé par une version plus récente de checkin (schéma %2)&#x202f;; installez cette version pour le restaurer.</translation>
    </message>
    <message>
        <source>Backup of %1 failed: %2.</source>
        <translation>Échec de la sauvegarde de %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2.</source>
        <translation>Impossible d’ouvrir %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>%1 is in use (the app or another desk has it open); close it and try again.</source>
        <translation>%1 est utilisée (l’application ou un autre poste l’a ouverte)&#x202f;; fermez-la et réessayez.</translation>
    </message>
    <message>
        <source>%1 exists: add --force to replace it (it is kept as a backup in %2).</source>
        <translation>%1 existe&#xa0;: ajoutez --force pour la remplacer (elle est conservée comme sauvegarde dans %2).</translation>
    </message>
    <message>
        <source>Restore from %1 failed: %2; nothing changed.</source>
        <translation>Échec de la restauration à partir de %1&#xa0;: %2&#x202f;; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>%1 is not a SQLite database or is damaged (%2).</source>
        <translation>%1 n’est pas une base de données SQLite ou elle est endommagée (%2).</translation>
    </message>
    <message>
        <source>%1 already exists; give a new file name or a folder.</source>
        <translation>%1 existe déjà&#x202f;; indiquez un nouveau nom de fichier ou un dossier.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Le dossier %1 n’existe pas.</translation>
    </message>
    <message>
        <source>Could not keep a copy of %1 before restoring (%2); nothing changed.</source>
        <translation>Impossible de conserver une copie de %1 avant la restauration (%2)&#x202f;; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>%1: %2: must be a table with x, y, w, h</source>
        <translation>%1&#xa0;: %2&#xa0;: doit être une table avec x, y, w, h</translation>
    </message>
    <message>
        <source>%1: %2: must be one of %3, not %4</source>
        <translation>%1&#xa0;: %2&#xa0;: doit être l’une des valeurs %3, pas %4</translation>
    </message>
    <message>
        <source>%1: %2: %3 is above max_pt %4</source>
        <translation>%1&#xa0;: %2&#xa0;: %3 dépasse max_pt %4</translation>
    </message>
    <message>
        <source>%1: %2: required: a table per element ([elements.first_name] ...)</source>
        <translation>%1&#xa0;: %2&#xa0;: obligatoire&#xa0;: une table par élément ([elements.first_name] ...)</translation>
    </message>
    <message>
        <source>%1: %2: %3 mm is less than the face width: badges overlap</source>
        <translation>%1&#xa0;: %2&#xa0;: %3 mm, c’est moins que la largeur de la face&#xa0;: les badges se chevauchent</translation>
    </message>
    <message>
        <source>%1: %2: %3 mm is less than the badge height: badges overlap</source>
        <translation>%1&#xa0;: %2&#xa0;: %3 mm, c’est moins que la hauteur du badge&#xa0;: les badges se chevauchent</translation>
    </message>
    <message>
        <source>%1: %2: the badges reach %3 mm; the page is %4 mm wide</source>
        <translation>%1&#xa0;: %2&#xa0;: les badges atteignent %3 mm&#x202f;; la page fait %4 mm de large</translation>
    </message>
    <message>
        <source>%1: %2: the badges reach %3 mm; the page is %4 mm high</source>
        <translation>%1&#xa0;: %2&#xa0;: les badges atteignent %3 mm&#x202f;; la page fait %4 mm de haut</translation>
    </message>
    <message>
        <source>%1: %2: required: a badge without its QR code cannot be scanned</source>
        <translation>%1&#xa0;: %2&#xa0;: obligatoire&#xa0;: un badge sans son code QR ne peut pas être scanné</translation>
    </message>
    <message>
        <source>%1: %2 handed out.</source>
        <translation>%1&#xa0;: %2 remis·e.</translation>
    </message>
    <message>
        <source>%1: %2 no. %3 handed out.</source>
        <translation>%1&#xa0;: %2 nº&#xa0;%3 remis·e.</translation>
    </message>
    <message>
        <source>%1: %2 returned.</source>
        <translation>%1&#xa0;: %2 rendu·e.</translation>
    </message>
    <message>
        <source>%1 already has %2 (handed out at %3).</source>
        <translation>%1 a déjà %2 (remis·e à %3).</translation>
    </message>
    <message>
        <source>%1 does not hold %2: nothing to return.</source>
        <translation>%1 n’a pas %2&#xa0;: rien à rendre.</translation>
    </message>
    <message>
        <source>%2 is not returned: it is kept.</source>
        <translation>%2 ne se rend pas&#xa0;: on le garde.</translation>
    </message>
    <message>
        <source>%2 is not for %1&apos;s category (%3).</source>
        <translation>%2 n’est pas prévu·e pour la catégorie de %1 (%3).</translation>
    </message>
    <message>
        <source>Registration cancelled: %1 gets no %2.</source>
        <translation>Inscription annulée&#xa0;: pas de %2 pour %1.</translation>
    </message>
    <message>
        <source>Unknown hand-out item %1; items: %2.</source>
        <translation>Article à remettre inconnu&#xa0;: %1&#xa0;; articles&#xa0;: %2.</translation>
    </message>
    <message>
        <source>A note has at most %1 characters (this one has %2).</source>
        <translation>Une note compte au plus %1 caractères (celle-ci en a %2).</translation>
    </message>
    <message>
        <source>%1: no such folder.</source>
        <translation>%1&#xa0;: ce dossier n’existe pas.</translation>
    </message>
    <message>
        <source>%1: not a picture that can be read (%2).</source>
        <translation>%1&#xa0;: image illisible (%2).</translation>
    </message>
    <message>
        <source>%1: not a JPEG or PNG picture (%2).</source>
        <translation>%1&#xa0;: pas une image JPEG ou PNG (%2).</translation>
    </message>
    <message>
        <source>%1: larger than 30 MB.</source>
        <translation>%1&#xa0;: plus de 30&#xa0;Mo.</translation>
    </message>
    <message>
        <source>Closed session: %1 only.</source>
        <translation>Session à huis clos&#xa0;: %1 uniquement.</translation>
    </message>
    <message>
        <source>Doors open at %1.</source>
        <translation>Ouverture des portes à %1.</translation>
    </message>
    <message>
        <source>Session full: %1 of %2.</source>
        <translation>Session complète&#xa0;: %1 sur %2.</translation>
    </message>
    <message>
        <source>Venue open today to %1 only.</source>
        <translation>Site réservé aujourd’hui à&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The venue opens at %1.</source>
        <translation>Le site ouvre à %1.</translation>
    </message>
    <message>
        <source>Venue full: %1 of %2 people inside.</source>
        <translation>Site complet&#xa0;: %1 personnes présentes sur %2.</translation>
    </message>
    <message>
        <source>Admitted by override (%1): %2</source>
        <translation>Admis·e par dérogation (%1)&#xa0;: %2</translation>
    </message>
    <message>
        <source>Unknown printer model %1; known: %2.</source>
        <translation>Modèle d’imprimante inconnu&#xa0;: %1&#xa0;; modèles connus&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Unknown tape %1; known: %2.</source>
        <translation>Ruban inconnu&#xa0;: %1&#xa0;; rubans connus&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The %1 cannot print red: black/red tape needs a QL-800 series printer.</source>
        <translation>La %1 ne peut pas imprimer en rouge&#xa0;: le ruban noir et rouge demande une imprimante de la série QL-800.</translation>
    </message>
    <message>
        <source>Printer %1: use usb://VENDOR:PRODUCT[/SERIAL], tcp://HOST[:PORT] or file:///PATH.</source>
        <translation>Imprimante %1&#xa0;: utilisez usb://FABRICANT:PRODUIT[/SÉRIE], tcp://HÔTE[:PORT] ou file:///CHEMIN.</translation>
    </message>
    <message>
        <source>The printer at %1 is offline (%2): check it is on and on this network.</source>
        <translation>L’imprimante %1 est hors ligne (%2)&#xa0;: vérifiez qu’elle est allumée et sur ce réseau.</translation>
    </message>
    <message>
        <source>No printer at %1: %2 (is it plugged in, switched on, and not in Editor Lite mode?).</source>
        <translation>Aucune imprimante à %1&#xa0;: %2 (est-elle branchée, allumée, et hors du mode Editor Lite&#xa0;?).</translation>
    </message>
    <message>
        <source>No printer at %1: %2.</source>
        <translation>Aucune imprimante à %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The printer at %1 reports: %2.</source>
        <translation>L’imprimante %1 signale&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The printer at %1 stopped answering: %2.</source>
        <translation>L’imprimante %1 ne répond plus&#xa0;: %2.</translation>
    </message>
    <message>
        <source>No printer at %1: the device is not there (is the printer plugged in and switched on?).</source>
        <translation>Aucune imprimante à %1&#xa0;: le périphérique est absent (l’imprimante est-elle branchée et allumée&#xa0;?).</translation>
    </message>
    <message>
        <source>Printer %1: the folder %2 does not exist.</source>
        <translation>Imprimante %1&#xa0;: le dossier %2 n’existe pas.</translation>
    </message>
    <message>
        <source>No printer at %1: USB printing needs the libusb library (libusb-1.0) installed.</source>
        <translation>Aucune imprimante à %1&#xa0;: l’impression USB demande la bibliothèque libusb (libusb-1.0) installée.</translation>
    </message>
    <message>
        <source>The printer at %1 has the wrong tape: %2 mm loaded, the badge needs %3 mm.</source>
        <translation>L’imprimante %1 n’a pas le bon ruban&#xa0;: %2&#xa0;mm chargé, le badge demande %3&#xa0;mm.</translation>
    </message>
    <message>
        <source>The printer at %1 has the wrong tape: continuous tape loaded, the badge needs %2 die-cut labels.</source>
        <translation>L’imprimante %1 n’a pas le bon ruban&#xa0;: ruban continu chargé, le badge demande des étiquettes prédécoupées %2.</translation>
    </message>
    <message>
        <source>Printer %1: cannot write %2: %3.</source>
        <translation>Imprimante %1&#xa0;: impossible d’écrire %2&#xa0;: %3.</translation>
    </message>
    <message>
        <source>put the name the person goes by in the roster&apos;s first-name column (a shorter form), or use a larger template</source>
        <translation>mettez dans la colonne du prénom le prénom d’usage de la personne (une forme plus courte), ou choisissez un modèle plus grand</translation>
    </message>
    <message>
        <source>shorten the last name in the roster (the badge need not carry every surname), or use a larger template</source>
        <translation>raccourcissez le nom dans la liste (le badge n’a pas besoin de tous les noms de famille), ou choisissez un modèle plus grand</translation>
    </message>
    <message>
        <source>use the organisation&apos;s short name or acronym in the roster</source>
        <translation>mettez dans la liste le nom court ou le sigle de l’organisation</translation>
    </message>
    <message>
        <source>give the category a shorter label in the event file</source>
        <translation>donnez à la catégorie un libellé plus court dans le fichier de l’événement</translation>
    </message>
    <message>
        <source>give the event a shorter name in the event file</source>
        <translation>donnez à l’événement un nom plus court dans le fichier de l’événement</translation>
    </message>
    <message>
        <source>use a template with a larger QR box</source>
        <translation>choisissez un modèle avec une case QR plus grande</translation>
    </message>
    <message>
        <source>check they are two people; if so, add what tells them apart (organisation)</source>
        <translation>vérifiez qu’il s’agit bien de deux personnes&#xa0;; si oui, ajoutez ce qui les distingue (organisation)</translation>
    </message>
    <message>
        <source>add the organisation in the roster</source>
        <translation>ajoutez l’organisation dans la liste</translation>
    </message>
    <message>
        <source>report it: the template&apos;s boxes must keep text apart</source>
        <translation>signalez-le&#xa0;: les cases du modèle doivent séparer les textes</translation>
    </message>
    <message>
        <source>Import photos from a folder (Event ▸ Import photos…) or take one at the desk</source>
        <translation>Importez les photos depuis un dossier (Événement ▸ Importer des photos…) ou prenez-en une à l’accueil</translation>
    </message>
    <message>
        <source>spell the name in Latin letters too (the roster&apos;s transliteration), or accept that those characters are left out</source>
        <translation>écrivez aussi le nom en lettres latines (la translittération de la liste), ou acceptez que ces caractères soient omis</translation>
    </message>
    <message>
        <source>shorten the text in the roster, or use a larger template</source>
        <translation>raccourcissez le texte dans la liste, ou choisissez un modèle plus grand</translation>
    </message>
    <message>
        <source>%1: %2: required: the first name is what people read</source>
        <translation>%1&#xa0;: %2&#xa0;: obligatoire&#xa0;: le prénom est ce que l’on lit</translation>
    </message>
    <message>
        <source>%1: %2: %3 pt is below the legible floor of %4 pt for a %5 x %6 mm badge</source>
        <translation>%1&#xa0;: %2&#xa0;: %3&#xa0;pt est sous le minimum lisible de %4&#xa0;pt pour un badge de %5 x %6&#xa0;mm</translation>
    </message>
    <message>
        <source>%1: %2: must be at least 2: a long first name wraps before it shrinks</source>
        <translation>%1&#xa0;: %2&#xa0;: au moins 2&#xa0;: un long prénom passe à la ligne avant de rapetisser</translation>
    </message>
    <message>
        <source>%1: %2: %3 mm holds less than two lines at %4 pt; it needs %5 mm</source>
        <translation>%1&#xa0;: %2&#xa0;: %3&#xa0;mm ne contient pas deux lignes à %4&#xa0;pt&#xa0;; il faut %5&#xa0;mm</translation>
    </message>
    <message>
        <source>The template %1 is not for %2 mm tape: use a %2 mm label template (brother-62mm).</source>
        <translation>Le modèle %1 n’est pas fait pour le ruban de %2&#xa0;mm&#xa0;: choisissez un modèle d’étiquette de %2&#xa0;mm (brother-62mm).</translation>
    </message>
    <message>
        <source>The template %1 makes %2 mm long labels; the %3 labels are %4 mm long.</source>
        <translation>Le modèle %1 fait des étiquettes de %2&#xa0;mm de long&#xa0;; les étiquettes %3 mesurent %4&#xa0;mm.</translation>
    </message>
    <message>
        <source>Unknown tape %1.</source>
        <translation>Ruban inconnu&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The labels cannot be made for the %1: %2.</source>
        <translation>Les étiquettes ne peuvent pas être préparées pour la %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>%1: %2: too small: a %3 x %4 mm box gives QR modules of %5 mm (minimum %6 mm); it needs a %7 mm square with its quiet zone plus the strip for the printed code under it</source>
        <translation>%1&#xa0;: %2&#xa0;: trop petit&#xa0;: un cadre de %3 x %4 mm donne des modules QR de %5 mm (minimum %6 mm)&#x202f;; il faut un carré de %7 mm avec sa zone de silence, plus la bande du code imprimé en dessous</translation>
    </message>
    <message>
        <source>unknown badge template %1; shipped: %2</source>
        <translation>modèle de badge inconnu %1&#x202f;; modèles fournis&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: %2: required (a number, in %3)</source>
        <translation>%1&#xa0;: %2&#xa0;: obligatoire (un nombre, en %3)</translation>
    </message>
    <message>
        <source>%1: %2: must be a number, not %3</source>
        <translation>%1&#xa0;: %2&#xa0;: doit être un nombre, pas %3</translation>
    </message>
    <message>
        <source>%1: %2: must be &gt;= 0, not %3</source>
        <translation>%1&#xa0;: %2&#xa0;: doit être &gt;= 0, pas %3</translation>
    </message>
    <message>
        <source>%1: %2: must be a whole number from %3 to %4, not %5</source>
        <translation>%1&#xa0;: %2&#xa0;: doit être un nombre entier de %3 à %4, pas %5</translation>
    </message>
    <message>
        <source>%1: %2: must be true or false, not %3</source>
        <translation>%1&#xa0;: %2&#xa0;: doit être true ou false, pas %3</translation>
    </message>
    <message>
        <source>%1: %2: required (text)</source>
        <translation>%1&#xa0;: %2&#xa0;: obligatoire (texte)</translation>
    </message>
    <message>
        <source>%1: %2: must be text, not %3</source>
        <translation>%1&#xa0;: %2&#xa0;: doit être du texte, pas %3</translation>
    </message>
    <message>
        <source>%1: %2: %3 mm is too small for a photo (at least %4 mm)</source>
        <translation>%1&#xa0;: %2&#xa0;: %3&#xa0;mm, c’est trop petit pour une photo (au moins %4&#xa0;mm)</translation>
    </message>
    <message>
        <source>%1: cannot read the template: %2</source>
        <translation>%1&#xa0;: impossible de lire le modèle&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: not valid TOML: %2</source>
        <translation>%1&#xa0;: TOML non valide&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: %2: unknown element; use %3</source>
        <translation>%1&#xa0;: %2&#xa0;: élément inconnu&#x202f;; utilisez %3</translation>
    </message>
    <message>
        <source>%1: %2: spans %3-%4 mm; must stay within %5-%6 mm of the %7 mm wide face</source>
        <translation>%1&#xa0;: %2&#xa0;: va de %3 à %4 mm&#x202f;; doit rester entre %5 et %6 mm sur la face de %7 mm de large</translation>
    </message>
    <message>
        <source>%1: %2: spans %3-%4 mm; must stay within %5-%6 mm of the %7 mm high face</source>
        <translation>%1&#xa0;: %2&#xa0;: va de %3 à %4 mm&#x202f;; doit rester entre %5 et %6 mm sur la face de %7 mm de haut</translation>
    </message>
    <message>
        <source>%1: no such template file</source>
        <translation>%1&#xa0;: ce fichier de modèle n’existe pas</translation>
    </message>
    <message>
        <source>%1: %2: must be positive, not %3</source>
        <translation>%1&#xa0;: %2&#xa0;: doit être positif, pas %3</translation>
    </message>
    <message>
        <source>%1: %2: unknown field; known: %3</source>
        <translation>%1&#xa0;: %2&#xa0;: champ inconnu&#x202f;; champs connus&#xa0;: %3</translation>
    </message>
    <message>
        <source>%1: %2: overlaps %3</source>
        <translation>%1&#xa0;: %2&#xa0;: chevauche %3</translation>
    </message>
    <message>
        <source>Name the hand-outs list .csv or .xlsx, not %1.</source>
        <translation>Nommez la liste des articles remis .csv ou .xlsx, pas %1.</translation>
    </message>
    <message>
        <source>The watch list can name at most %1 people; watch a category instead.</source>
        <translation>La liste de suivi peut nommer au plus %1 personnes&#xa0;; suivez plutôt une catégorie.</translation>
    </message>
    <message>
        <source>The watch list names a category that cannot exist: %1.</source>
        <translation>La liste de suivi nomme une catégorie qui ne peut pas exister&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The watch list names a badge number that cannot exist: %1.</source>
        <translation>La liste de suivi nomme un numéro de badge qui ne peut pas exister&#xa0;: %1.</translation>
    </message>
    <message>
        <source>An override needs the name of who decides it (--operator).</source>
        <translation>Une dérogation exige le nom de la personne qui la décide (--operator).</translation>
    </message>
    <message>
        <source>%1 has no note.</source>
        <translation>%1 n’a pas de note.</translation>
    </message>
    <message>
        <source>This desk has no walk-in numbers left while the server is out of reach: register the person at a desk that is online.</source>
        <translation>Ce poste n’a plus de numéros pour les inscriptions sur place tant que le serveur est injoignable&#xa0;: inscrivez la personne à un poste connecté.</translation>
    </message>
    <message>
        <source>Unknown session %1; sessions: %2, or &apos;auto&apos;.</source>
        <translation>Session inconnue %1&#x202f;; sessions&#xa0;: %2, ou &apos;auto&apos;.</translation>
    </message>
    <message>
        <source>Session %1 (%2) takes no attendance.</source>
        <translation>La session %1 (%2) ne relève pas les présences.</translation>
    </message>
    <message>
        <source>No session is running now to record an exit from.</source>
        <translation>Aucune session n’est en cours&#xa0;: impossible d’enregistrer une sortie.</translation>
    </message>
    <message>
        <source>Use undo() to cancel a scan.</source>
        <translation>Utilisez undo() pour annuler un scan.</translation>
    </message>
    <message>
        <source>Exits are counted at a session&apos;s door: give a session.</source>
        <translation>Les sorties se comptent à la porte d’une session&#xa0;: indiquez une session.</translation>
    </message>
    <message>
        <source>Unknown session %1; sessions: none, or &apos;auto&apos;.</source>
        <translation>Session inconnue %1&#x202f;; sessions&#xa0;: aucune, ou &apos;auto&apos;.</translation>
    </message>
    <message>
        <source>No delegate with id %1 in this event.</source>
        <translation>Aucun délégué avec l’identifiant %1 dans cet événement.</translation>
    </message>
    <message>
        <source>No scan %1 in this event&apos;s journal.</source>
        <translation>Aucun scan %1 dans le journal de cet événement.</translation>
    </message>
    <message>
        <source>Scan %1 was not an admission or an exit (%2); nothing to undo.</source>
        <translation>Le scan %1 n’était ni une entrée ni une sortie (%2)&#x202f;; rien à annuler.</translation>
    </message>
    <message>
        <source>Scan %1 was already undone by %2.</source>
        <translation>Le scan %1 a déjà été annulé par %2.</translation>
    </message>
    <message>
        <source>Unknown action %1: &apos;entry&apos; or &apos;exit&apos;.</source>
        <translation>Action inconnue %1&#xa0;: &apos;entry&apos; ou &apos;exit&apos;.</translation>
    </message>
    <message>
        <source>%1: missing the [event] table.</source>
        <translation>%1&#xa0;: il manque la table [event].</translation>
    </message>
    <message>
        <source>%1: [event]: &apos;language&apos; must be &quot;en&quot; or &quot;fr&quot;.</source>
        <translation>%1&#xa0;: [event]&#xa0;: «&#xa0;language&#xa0;» doit valoir &quot;en&quot; ou &quot;fr&quot;.</translation>
    </message>
    <message>
        <source>This database has no event yet: run &apos;checkin event init FILE.toml&apos; or &apos;checkin demo&apos;.</source>
        <translation>Cette base de données n’a pas encore d’événement&#xa0;: lancez checkin event init FICHIER.toml ou checkin demo.</translation>
    </message>
    <message>
        <source>%1: cannot read the file (%2).</source>
        <translation>%1&#xa0;: impossible de lire le fichier (%2).</translation>
    </message>
    <message>
        <source>%1: not UTF-8 text (byte %2).</source>
        <translation>%1&#xa0;: ce n’est pas du texte UTF-8 (octet %2).</translation>
    </message>
    <message>
        <source>%1: not valid TOML: %2.</source>
        <translation>%1&#xa0;: TOML non valide&#xa0;: %2.</translation>
    </message>
    <message>
        <source>%1: [event]: unknown time zone %2 (e.g. &apos;Europe/Zurich&apos;).</source>
        <translation>%1&#xa0;: [event]&#xa0;: fuseau horaire %2 inconnu (p. ex. Europe/Zurich).</translation>
    </message>
    <message>
        <source>%1: %2: must be a table.</source>
        <translation>%1&#xa0;: %2&#xa0;: doit être une table.</translation>
    </message>
    <message>
        <source>%1: %2: key %3 must be lower-case letters, digits, - or _.</source>
        <translation>%1&#xa0;: %2&#xa0;: la clé %3 ne doit contenir que des minuscules, des chiffres, - ou _.</translation>
    </message>
    <message>
        <source>%1: %2: colour %3 must look like #1F6FB2.</source>
        <translation>%1&#xa0;: %2&#xa0;: la couleur %3 doit avoir la forme #1F6FB2.</translation>
    </message>
    <message>
        <source>%1: %2: category %3 is defined twice.</source>
        <translation>%1&#xa0;: %2&#xa0;: la catégorie %3 est définie deux fois.</translation>
    </message>
    <message>
        <source>%1: %2: session %3 is defined twice.</source>
        <translation>%1&#xa0;: %2&#xa0;: la session %3 est définie deux fois.</translation>
    </message>
    <message>
        <source>%1: session %2: &apos;end&apos; must be after &apos;start&apos;.</source>
        <translation>%1&#xa0;: session %2&#xa0;: «&#xa0;end&#xa0;» doit être postérieur à «&#xa0;start&#xa0;».</translation>
    </message>
    <message>
        <source>%1: [event]: &apos;date&apos; must be YYYY-MM-DD or &quot;today&quot;, not %2.</source>
        <translation>%1&#xa0;: [event]&#xa0;: «&#xa0;date&#xa0;» doit être au format AAAA-MM-JJ ou &quot;today&quot;, et non %2.</translation>
    </message>
    <message>
        <source>%1: %2: &apos;%3&apos; must be text.</source>
        <translation>%1&#xa0;: %2&#xa0;: «&#xa0;%3&#xa0;» doit être du texte.</translation>
    </message>
    <message>
        <source>%1: session %2: &apos;%3&apos; must be text.</source>
        <translation>%1&#xa0;: session %2&#xa0;: «&#xa0;%3&#xa0;» doit être du texte.</translation>
    </message>
    <message>
        <source>%1: %2: &apos;%3&apos; is required.</source>
        <translation>%1&#xa0;: %2&#xa0;: «&#xa0;%3&#xa0;» est obligatoire.</translation>
    </message>
    <message>
        <source>%1: session %2: &apos;%3&apos; is required.</source>
        <translation>%1&#xa0;: session %2&#xa0;: «&#xa0;%3&#xa0;» est obligatoire.</translation>
    </message>
    <message>
        <source>%1: %2: &apos;%3&apos; must be a whole number &gt;= 0.</source>
        <translation>%1&#xa0;: %2&#xa0;: «&#xa0;%3&#xa0;» doit être un nombre entier positif ou nul.</translation>
    </message>
    <message>
        <source>%1: session %2: &apos;%3&apos; must be a whole number &gt;= 0.</source>
        <translation>%1&#xa0;: session %2&#xa0;: «&#xa0;%3&#xa0;» doit être un nombre entier positif ou nul.</translation>
    </message>
    <message>
        <source>%1: %2: &apos;%3&apos; must be true or false.</source>
        <translation>%1&#xa0;: %2&#xa0;: «&#xa0;%3&#xa0;» doit valoir true ou false.</translation>
    </message>
    <message>
        <source>%1: session %2: &apos;%3&apos; must be true or false.</source>
        <translation>%1&#xa0;: session %2&#xa0;: «&#xa0;%3&#xa0;» doit valoir true ou false.</translation>
    </message>
    <message>
        <source>%1: %2: &apos;%3&apos; must be a time like &quot;08:30&quot;.</source>
        <translation>%1&#xa0;: %2&#xa0;: «&#xa0;%3&#xa0;» doit être une heure comme &quot;08:30&quot;.</translation>
    </message>
    <message>
        <source>%1: session %2: &apos;%3&apos; must be a time like &quot;08:30&quot;.</source>
        <translation>%1&#xa0;: session %2&#xa0;: «&#xa0;%3&#xa0;» doit être une heure comme &quot;08:30&quot;.</translation>
    </message>
    <message>
        <source>%1 exists and is not a folder.</source>
        <translation>%1 existe et n’est pas un dossier.</translation>
    </message>
    <message>
        <source>No registered delegate: no badge to write.</source>
        <translation>Aucune personne inscrite&#xa0;: aucun badge à écrire.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1: %2.</source>
        <translation>Impossible de créer le dossier %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Cannot reach the shared database and this desk has no local copy of the event yet: connect once to the server before working offline.</source>
        <translation>La base de données partagée est injoignable et ce poste n’a pas encore de copie locale de l’événement&#xa0;: connectez-vous une fois au serveur avant de travailler hors ligne.</translation>
    </message>
    <message>
        <source>The shared database has no event yet.</source>
        <translation>La base de données partagée ne contient encore aucun événement.</translation>
    </message>
    <message>
        <source>The local copy %1 holds another event under the same id: move it away so the desk can make a new one.</source>
        <translation>La copie locale %1 contient un autre événement sous le même identifiant&#xa0;: déplacez-la ailleurs pour que le poste en crée une nouvelle.</translation>
    </message>
    <message>
        <source>Name the badges to reprint (--ref): a reprint revokes the old badge.</source>
        <translation>Indiquez les badges à réimprimer (--ref)&#xa0;: une réimpression révoque l’ancien badge.</translation>
    </message>
    <message>
        <source>No badge to print: no registered delegate matches.</source>
        <translation>Aucun badge à imprimer&#xa0;: aucun délégué inscrit ne correspond.</translation>
    </message>
    <message>
        <source>No badge to print: everyone&apos;s badge has been printed.</source>
        <translation>Aucun badge à imprimer&#xa0;: tous les badges ont déjà été imprimés.</translation>
    </message>
    <message>
        <source>Badges changed while printing (a reprint at another desk?); print again.</source>
        <translation>Des badges ont changé pendant l’impression (une réimpression à un autre poste d’accueil&#x202f;?)&#x202f;; imprimez à nouveau.</translation>
    </message>
    <message>
        <source>No badge for these references (cancelled: %1; unknown: %2).</source>
        <translation>Aucun badge pour ces références (inscriptions annulées&#xa0;: %1&#x202f;; inconnues&#xa0;: %2).</translation>
    </message>
    <message>
        <source>No badge for these references (unknown: %1).</source>
        <translation>Aucun badge pour ces références (inconnues&#xa0;: %1).</translation>
    </message>
    <message>
        <source>No badge for these references (cancelled: %1).</source>
        <translation>Aucun badge pour ces références (inscriptions annulées&#xa0;: %1).</translation>
    </message>
    <message>
        <source>%1 is a folder: give a file name.</source>
        <translation>%1 est un dossier&#xa0;: indiquez un nom de fichier.</translation>
    </message>
    <message>
        <source>Cannot tell the kind of export from %1: name it .csv, .xlsx or .pdf, or give --kind (%2).</source>
        <translation>Impossible de déduire le type d’export de %1&#xa0;: nommez-le .csv, .xlsx ou .pdf, ou indiquez --kind (%2).</translation>
    </message>
    <message>
        <source>A split per desk is for the sign-in sheet only.</source>
        <translation>La répartition par poste d’accueil ne vaut que pour la feuille d’émargement.</translation>
    </message>
    <message>
        <source>No registered delegate: nothing to put on a sign-in sheet.</source>
        <translation>Aucun délégué inscrit&#xa0;: rien à mettre sur une feuille d’émargement.</translation>
    </message>
    <message>
        <source>No reference given: list the ticked references (or a file of them).</source>
        <translation>Aucune référence indiquée&#xa0;: donnez les références cochées (ou un fichier qui les contient).</translation>
    </message>
    <message>
        <source>No session was running at %1.</source>
        <translation>Aucune session n’était en cours à %1.</translation>
    </message>
    <message>
        <source>Nothing recorded; check these references (unknown: %1; registration cancelled: %2).</source>
        <translation>Rien n’a été enregistré&#x202f;; vérifiez ces références (inconnues&#xa0;: %1&#x202f;; inscription annulée&#xa0;: %2).</translation>
    </message>
    <message>
        <source>Unknown export kind %1; one of: %2.</source>
        <translation>Type d’export inconnu %1&#x202f;; types possibles&#xa0;: %2.</translation>
    </message>
    <message>
        <source>--split: %1 is not a letter range like A-K (e.g. &quot;A-K,L-Z&quot;).</source>
        <translation>--split&#xa0;: %1 n’est pas une plage de lettres comme A-K (par ex. &quot;A-K,L-Z&quot;).</translation>
    </message>
    <message>
        <source>--split: %1 runs backwards.</source>
        <translation>--split&#xa0;: %1 est à l’envers.</translation>
    </message>
    <message>
        <source>--split: %1 and %2 overlap; list them in order.</source>
        <translation>--split&#xa0;: %1 et %2 se chevauchent&#x202f;; donnez-les dans l’ordre.</translation>
    </message>
    <message>
        <source>--at %1: give a time like 09:10 (on the event day) or an ISO date-time.</source>
        <translation>--at %1&#xa0;: indiquez une heure comme 09:10 (le jour de l’événement) ou une date et heure ISO.</translation>
    </message>
    <message>
        <source>Nothing recorded; check these references (unknown: %1).</source>
        <translation>Rien n’a été enregistré&#x202f;; vérifiez ces références (inconnues&#xa0;: %1).</translation>
    </message>
    <message>
        <source>Nothing recorded; check these references (registration cancelled: %1).</source>
        <translation>Rien n’a été enregistré&#x202f;; vérifiez ces références (inscription annulée&#xa0;: %1).</translation>
    </message>
    <message>
        <source>%1: not a CSV or Excel file (binary content).</source>
        <translation>%1&#xa0;: ce n’est pas un fichier CSV ou Excel (contenu binaire).</translation>
    </message>
    <message>
        <source>%1: row %2: a quote (&quot;) opens a cell that is never closed, so the rest of the file would be read as one cell; close or remove that quote.</source>
        <translation>%1&#xa0;: ligne %2&#xa0;: un guillemet (&quot;) ouvre une cellule qui n’est jamais fermée, si bien que tout le reste du fichier serait lu comme une seule cellule&#x202f;; fermez ou supprimez ce guillemet.</translation>
    </message>
    <message>
        <source>%1: a PDF document, not a delegate list; export the list as CSV or .xlsx from where it is kept.</source>
        <translation>%1&#xa0;: un document PDF, pas une liste des participant·e·s&#x202f;; exportez la liste en CSV ou en .xlsx depuis l’outil où elle est tenue.</translation>
    </message>
    <message>
        <source>%1: a PNG image, not a delegate list; export the list as CSV or .xlsx from where it is kept.</source>
        <translation>%1&#xa0;: une image PNG, pas une liste des participant·e·s&#x202f;; exportez la liste en CSV ou en .xlsx depuis l’outil où elle est tenue.</translation>
    </message>
    <message>
        <source>%1: a JPEG image, not a delegate list; export the list as CSV or .xlsx from where it is kept.</source>
        <translation>%1&#xa0;: une image JPEG, pas une liste des participant·e·s&#x202f;; exportez la liste en CSV ou en .xlsx depuis l’outil où elle est tenue.</translation>
    </message>
    <message>
        <source>%1: a GIF image, not a delegate list; export the list as CSV or .xlsx from where it is kept.</source>
        <translation>%1&#xa0;: une image GIF, pas une liste des participant·e·s&#x202f;; exportez la liste en CSV ou en .xlsx depuis l’outil où elle est tenue.</translation>
    </message>
    <message>
        <source>%1: a Rich Text (RTF) document, not a delegate list; export the list as CSV or .xlsx from where it is kept.</source>
        <translation>%1&#xa0;: un document Rich Text (RTF), pas une liste des participant·e·s&#x202f;; exportez la liste en CSV ou en .xlsx depuis l’outil où elle est tenue.</translation>
    </message>
    <message>
        <source>%1: an OpenDocument spreadsheet (.ods); save it as .xlsx or CSV UTF-8.</source>
        <translation>%1&#xa0;: un classeur OpenDocument (.ods)&#x202f;; enregistrez-le en .xlsx ou en CSV UTF-8.</translation>
    </message>
    <message>
        <source>%1: an old Excel 97-2003 (.xls) file or a password-protected workbook; save it as .xlsx (without a password) or CSV UTF-8.</source>
        <translation>%1&#xa0;: un ancien fichier Excel 97-2003 (.xls) ou un classeur protégé par un mot de passe&#x202f;; enregistrez-le en .xlsx (sans mot de passe) ou en CSV UTF-8.</translation>
    </message>
    <message>
        <source>%1: no delegate rows (the file is empty).</source>
        <translation>%1&#xa0;: aucune ligne de participant·e (le fichier est vide).</translation>
    </message>
    <message>
        <source>%1: no name column in row %2. Columns found: %3. Expected one of: %4 (or map one with field=column).</source>
        <translation>%1&#xa0;: aucune colonne de nom à la ligne %2. Colonnes trouvées&#xa0;: %3. Colonnes attendues&#xa0;: l’une de %4 (ou indiquez-en une avec field=column).</translation>
    </message>
    <message>
        <source>%1: no delegate rows (only a header in row %2); an empty list is never read as &apos;cancel everyone&apos;.</source>
        <translation>%1&#xa0;: aucune ligne de participant·e (seulement un en-tête à la ligne %2)&#x202f;; une liste vide n’est jamais comprise comme «&#xa0;tout annuler&#xa0;».</translation>
    </message>
    <message>
        <source>%1: no valid delegate rows; refusing to cancel every delegate.</source>
        <translation>%1&#xa0;: aucune ligne de participant·e valable&#x202f;; checkin refuse d’annuler toutes les inscriptions.</translation>
    </message>
    <message>
        <source>%1: not a readable CSV file near row %2 (%3).</source>
        <translation>%1&#xa0;: fichier CSV illisible vers la ligne %2 (%3).</translation>
    </message>
    <message>
        <source>%1: not a readable Excel workbook (.xlsx); is it damaged or another format? (%2)</source>
        <translation>%1&#xa0;: ce n’est pas un classeur Excel (.xlsx) lisible&#x202f;; est-il endommagé ou dans un autre format&#x202f;? (%2)</translation>
    </message>
    <message>
        <source>%1: sheet %2 is a chart, not a table.</source>
        <translation>%1&#xa0;: la feuille %2 est un graphique, pas un tableau.</translation>
    </message>
    <message>
        <source>%1: the file is too large (%2 MB).</source>
        <translation>%1&#xa0;: le fichier est trop volumineux (%2 Mo).</translation>
    </message>
    <message>
        <source>%1: unknown field %2 in the column mapping; the fields are: %3.</source>
        <translation>%1&#xa0;: champ %2 inconnu dans l’association des colonnes&#x202f;; les champs sont&#xa0;: %3.</translation>
    </message>
    <message>
        <source>%1: no column %2 (mapped to %3); the columns are: %4.</source>
        <translation>%1&#xa0;: aucune colonne %2 (associée à %3)&#x202f;; les colonnes sont&#xa0;: %4.</translation>
    </message>
    <message>
        <source>%1: no name column in row %2. Columns found: none. Expected one of: %3 (or map one with field=column).</source>
        <translation>%1&#xa0;: aucune colonne de nom à la ligne %2. Colonnes trouvées&#xa0;: aucune. Colonnes attendues&#xa0;: l’une de %3 (ou indiquez-en une avec field=column).</translation>
    </message>
    <message>
        <source>%1: import cancelled; nothing was changed.</source>
        <translation>%1&#xa0;: importation annulée&#x202f;; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>%1: starts like %2 text but byte %3 is not %2; save it again as CSV UTF-8.</source>
        <translation>%1&#xa0;: commence comme un texte %2, mais l’octet %3 n’est pas du %2&#x202f;; enregistrez-le à nouveau en CSV UTF-8.</translation>
    </message>
    <message>
        <source>%1: no sheet named %2; the sheets are: %3.</source>
        <translation>%1&#xa0;: aucune feuille nommée %2&#x202f;; les feuilles sont&#xa0;: %3.</translation>
    </message>
    <message>
        <source>%1: the workbook has no sheets.</source>
        <translation>%1&#xa0;: le classeur ne contient aucune feuille.</translation>
    </message>
    <message>
        <source>%1: sheet %2 cannot be read near row %3 (%4).</source>
        <translation>%1&#xa0;: la feuille %2 est illisible vers la ligne %3 (%4).</translation>
    </message>
    <message>
        <source>%1 is at schema version %2, this checkin reads %3: open it normally (not read-only) once to upgrade it.</source>
        <translation>%1 est au format de version %2, cette version de checkin lit la version %3&#xa0;: ouvrez-la une fois normalement (pas en lecture seule) pour la mettre à jour.</translation>
    </message>
    <message>
        <source>The printer at %1 has no tape: load a roll.</source>
        <translation>L’imprimante %1 n’a pas de ruban&#xa0;: chargez un rouleau.</translation>
    </message>
    <message>
        <source>The printer at %1 ran out of labels: load a new roll.</source>
        <translation>L’imprimante %1 n’a plus d’étiquettes&#xa0;: chargez un nouveau rouleau.</translation>
    </message>
    <message>
        <source>The cutter of the printer at %1 is jammed: open the cover and clear it.</source>
        <translation>Le massicot de l’imprimante %1 est bloqué&#xa0;: ouvrez le capot et dégagez-le.</translation>
    </message>
    <message>
        <source>The printer at %1 is off.</source>
        <translation>L’imprimante %1 est éteinte.</translation>
    </message>
    <message>
        <source>The printer at %1 has the wrong tape: load the roll the badge is made for.</source>
        <translation>L’imprimante %1 n’a pas le bon ruban&#xa0;: chargez le rouleau prévu pour le badge.</translation>
    </message>
    <message>
        <source>The cover of the printer at %1 is open: close it.</source>
        <translation>Le capot de l’imprimante %1 est ouvert&#xa0;: fermez-le.</translation>
    </message>
    <message>
        <source>The printer at %1 cannot feed the tape: check the roll.</source>
        <translation>L’imprimante %1 n’arrive pas à faire avancer le ruban&#xa0;: vérifiez le rouleau.</translation>
    </message>
    <message>
        <source>The printer at %1 did not receive the label: send it again.</source>
        <translation>L’imprimante %1 n’a pas reçu l’étiquette&#xa0;: renvoyez-la.</translation>
    </message>
    <message>
        <source>The memory of the printer at %1 is full: switch it off and on.</source>
        <translation>La mémoire de l’imprimante %1 est pleine&#xa0;: éteignez-la et rallumez-la.</translation>
    </message>
    <message>
        <source>The printer at %1 reports a system error: switch it off and on.</source>
        <translation>L’imprimante %1 signale une erreur système&#xa0;: éteignez-la et rallumez-la.</translation>
    </message>
    <message>
        <source>The printer at %1 is busy.</source>
        <translation>L’imprimante %1 est occupée.</translation>
    </message>
    <message>
        <source>The printer at %1 does not answer: is it switched on?</source>
        <translation>L’imprimante %1 ne répond pas&#xa0;: est-elle allumée&#xa0;?</translation>
    </message>
    <message>
        <source>%1 is not a checkin database or is damaged (%2).</source>
        <translation>%1 n’est pas une base de données checkin ou elle est endommagée (%2).</translation>
    </message>
    <message>
        <source>%1 is in use by another program (another checkin, a backup or sync tool such as OneDrive or Dropbox); close it and try again.</source>
        <translation>%1 est utilisée par un autre programme (un autre checkin, un outil de sauvegarde ou de synchronisation comme OneDrive ou Dropbox)&#x202f;; fermez-le et réessayez.</translation>
    </message>
    <message>
        <source>%1 is read-only; checkin needs to write to it. Copy it to a folder you can write to, or open it with --read-only to look and export.</source>
        <translation>%1 est en lecture seule&#x202f;; checkin doit pouvoir y écrire. Copiez-la dans un dossier où vous pouvez écrire, ou ouvrez-la avec --read-only pour consulter et exporter.</translation>
    </message>
    <message>
        <source>The disk holding %1 is full: nothing was recorded by this action. Free some space and try again.</source>
        <translation>Le disque qui contient %1 est plein&#xa0;: cette action n’a rien enregistré. Libérez de la place et réessayez.</translation>
    </message>
    <message>
        <source>%1 could not be read or written (%2): is the drive or USB stick still there, and the folder writable?</source>
        <translation>%1 n’a pas pu être lu ou écrit (%2)&#xa0;: le disque ou la clé USB est-il toujours branché, et le dossier accessible en écriture&#x202f;?</translation>
    </message>
    <message>
        <source>Not a database path or URL: %1</source>
        <translation>Ce n’est ni un chemin ni une adresse de base de données&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 is not a checkin database or is damaged (%2). The newest backup is %3: restore it with checkin --db &quot;%1&quot; restore &quot;%3&quot; --force.</source>
        <translation>%1 n’est pas une base de données checkin ou elle est endommagée (%2). La sauvegarde la plus récente est %3&#xa0;: restaurez-la avec checkin --db &quot;%1&quot; restore &quot;%3&quot; --force.</translation>
    </message>
    <message>
        <source>session %1 cannot be removed: it has scans (%2); set &apos;attendance&apos; off instead</source>
        <translation>la session %1 ne peut pas être supprimée&#xa0;: des scans y sont enregistrés (%2)&#x202f;; décochez plutôt «&#xa0;Présences&#xa0;»</translation>
    </message>
    <message>
        <source>category %1 cannot be removed: delegates have it (%2)</source>
        <translation>la catégorie %1 ne peut pas être supprimée&#xa0;: des personnes l’ont (%2)</translation>
    </message>
    <message>
        <source>%1: [event]: &apos;doors_open&apos; counts minutes before &apos;registration_opens&apos;; give &apos;registration_opens&apos; too.</source>
        <translation>%1&#xa0;: [event]&#xa0;: «&#xa0;doors_open&#xa0;» compte les minutes avant «&#xa0;registration_opens&#xa0;»&#xa0;; indiquez aussi «&#xa0;registration_opens&#xa0;».</translation>
    </message>
    <message>
        <source>%1: [event]: &apos;hard_capacity&apos; refuses arrivals at &apos;capacity&apos;; give &apos;capacity&apos; too.</source>
        <translation>%1&#xa0;: [event]&#xa0;: «&#xa0;hard_capacity&#xa0;» refuse les arrivées à «&#xa0;capacity&#xa0;»&#xa0;; indiquez aussi «&#xa0;capacity&#xa0;».</translation>
    </message>
    <message>
        <source>%1: %2: unknown category %3 (categories: %4).</source>
        <translation>%1&#xa0;: %2&#xa0;: catégorie inconnue %3 (catégories&#xa0;: %4).</translation>
    </message>
    <message>
        <source>%1: %2: hand-out %3 is defined twice.</source>
        <translation>%1&#xa0;: %2&#xa0;: l’article %3 est défini deux fois.</translation>
    </message>
    <message>
        <source>%1: %2: &apos;%3&apos; must be a list of keys like [&quot;speaker&quot;].</source>
        <translation>%1&#xa0;: %2&#xa0;: «&#xa0;%3&#xa0;» doit être une liste de clés comme [&quot;speaker&quot;].</translation>
    </message>
    <message>
        <source>%1: session %2: &apos;%3&apos; must be a list of keys like [&quot;speaker&quot;].</source>
        <translation>%1&#xa0;: session %2&#xa0;: «&#xa0;%3&#xa0;» doit être une liste de clés comme [&quot;speaker&quot;].</translation>
    </message>
    <message>
        <source>%1: [walk_ins]: &apos;required&apos; must be a list of field names, e.g. %2.</source>
        <translation>%1&#xa0;: [walk_ins]&#xa0;: «&#xa0;required&#xa0;» doit être une liste de noms de champs, p. ex. %2.</translation>
    </message>
    <message>
        <source>%1: [walk_ins]: unknown field %2 in &apos;required&apos; (fields: %3).</source>
        <translation>%1&#xa0;: [walk_ins]&#xa0;: champ %2 inconnu dans «&#xa0;required&#xa0;» (champs&#xa0;: %3).</translation>
    </message>
    <message>
        <source>%1: %2, line %3: no %4.</source>
        <translation>%1&#xa0;: %2, ligne %3&#xa0;: il manque %4.</translation>
    </message>
    <message>
        <source>%1: the folder %2 does not exist.</source>
        <translation>%1&#xa0;: le dossier %2 n’existe pas.</translation>
    </message>
    <message>
        <source>%1: %2, line %3: %4 %5 is not a date/time.</source>
        <translation>%1&#xa0;: %2, ligne %3&#xa0;: %4 %5 n’est pas une date ou une heure.</translation>
    </message>
    <message>
        <source>%1: %2, line %3: %4 %5 is not true/false.</source>
        <translation>%1&#xa0;: %2, ligne %3&#xa0;: %4 %5 n’est pas vrai ou faux (true/false).</translation>
    </message>
    <message>
        <source>%1: %2, line %3: %4 %5 is not a whole number.</source>
        <translation>%1&#xa0;: %2, ligne %3&#xa0;: %4 %5 n’est pas un nombre entier.</translation>
    </message>
    <message>
        <source>%1: %2, line %3: %4 %5 is not text.</source>
        <translation>%1&#xa0;: %2, ligne %3&#xa0;: %4 %5 n’est pas du texte.</translation>
    </message>
    <message>
        <source>%1: %2, line %3: %4 is longer than %5 characters.</source>
        <translation>%1&#xa0;: %2, ligne %3&#xa0;: %4 dépasse %5 caractères.</translation>
    </message>
    <message>
        <source>%1: %2, line %3: %4 contains a NUL character.</source>
        <translation>%1&#xa0;: %2, ligne %3&#xa0;: %4 contient un caractère NUL.</translation>
    </message>
    <message>
        <source>%1: cannot write the file (%2).</source>
        <translation>%1&#xa0;: impossible d’écrire le fichier (%2).</translation>
    </message>
    <message>
        <source>%1: no such file.</source>
        <translation>%1&#xa0;: fichier introuvable.</translation>
    </message>
    <message>
        <source>%1: not a checkin sync file (not a zip archive).</source>
        <translation>%1&#xa0;: ce n’est pas un fichier de synchronisation checkin (pas une archive zip).</translation>
    </message>
    <message>
        <source>%1: not a checkin sync file (format %2).</source>
        <translation>%1&#xa0;: ce n’est pas un fichier de synchronisation checkin (format %2).</translation>
    </message>
    <message>
        <source>%1: sync format version %2; this checkin reads version %3. Use the same checkin version on both stations.</source>
        <translation>%1&#xa0;: format de synchronisation version %2&#x202f;; cette version de checkin lit la version %3. Utilisez la même version de checkin sur les deux postes.</translation>
    </message>
    <message>
        <source>%1: this file is from another event (%2, %3); this station holds %4. Nothing was imported.</source>
        <translation>%1&#xa0;: ce fichier vient d’un autre événement (%2, %3)&#x202f;; ce poste contient %4. Rien n’a été importé.</translation>
    </message>
    <message>
        <source>%1: the event %2 in this file has other badge keys than this station&apos;s (it was re-created, not copied): its badges would not scan here. Nothing was imported; set this station up from a copy of the other station&apos;s database.</source>
        <translation>%1&#xa0;: l’événement %2 de ce fichier a d’autres clés de badge que celui de ce poste (il a été recréé, pas copié)&#xa0;: ses badges ne seraient pas reconnus ici. Rien n’a été importé&#x202f;; installez ce poste à partir d’une copie de la base de données de l’autre poste.</translation>
    </message>
    <message>
        <source>%1: %2, line %3: %4 is empty.</source>
        <translation>%1&#xa0;: %2, ligne %3&#xa0;: %4 est vide.</translation>
    </message>
    <message>
        <source>%1: not a checkin sync file (no manifest.json).</source>
        <translation>%1&#xa0;: ce n’est pas un fichier de synchronisation checkin (pas de manifest.json).</translation>
    </message>
    <message>
        <source>%1: manifest.json is damaged (%2).</source>
        <translation>%1&#xa0;: manifest.json est endommagé (%2).</translation>
    </message>
    <message>
        <source>%1: written by a newer checkin (unknown delegate fields: %2). Update checkin on this station first.</source>
        <translation>%1&#xa0;: écrit par une version plus récente de checkin (champs inconnus pour les personnes&#xa0;: %2). Mettez d’abord checkin à jour sur ce poste.</translation>
    </message>
    <message>
        <source>%1: written by a newer checkin (unknown scan fields: %2). Update checkin on this station first.</source>
        <translation>%1&#xa0;: écrit par une version plus récente de checkin (champs inconnus pour les scans&#xa0;: %2). Mettez d’abord checkin à jour sur ce poste.</translation>
    </message>
    <message>
        <source>%1: %2, line %3: %4 %5 again (line %6).</source>
        <translation>%1&#xa0;: %2, ligne %3&#xa0;: %4 %5 en double (déjà à la ligne %6).</translation>
    </message>
    <message>
        <source>%1: %2 is missing.</source>
        <translation>%1&#xa0;: %2 est absent.</translation>
    </message>
    <message>
        <source>%1: %2 is damaged (%3).</source>
        <translation>%1&#xa0;: %2 est endommagé (%3).</translation>
    </message>
    <message>
        <source>%1: %2, line %3: expected an object.</source>
        <translation>%1&#xa0;: %2, ligne %3&#xa0;: un objet JSON était attendu.</translation>
    </message>
    <message>
        <source>%1: %2, line %3: not valid JSON (%4).</source>
        <translation>%1&#xa0;: %2, ligne %3&#xa0;: JSON non valide (%4).</translation>
    </message>
</context>
<context>
    <name>NoteAndPhoto</name>
    <message>
        <source>Accreditation desk</source>
        <translation>Accréditation</translation>
    </message>
    <message>
        <source>Note for the desk</source>
        <translation>Note pour l’accueil</translation>
    </message>
    <message>
        <source>e.g. Collect visa letter</source>
        <translation>p. ex. Retirer la lettre pour le visa</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Take &amp;photo…</source>
        <translation>Prendre une &amp;photo…</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note&#xa0;:</translation>
    </message>
    <message>
        <source>Photo:</source>
        <translation>Photo&#xa0;:</translation>
    </message>
    <message>
        <source>Offline: the note is kept on this desk and sent when the server is back.</source>
        <translation>Hors ligne&#xa0;: la note est gardée sur ce poste et envoyée quand le serveur répond à nouveau.</translation>
    </message>
    <message>
        <source>No photo.</source>
        <translation>Pas de photo.</translation>
    </message>
    <message>
        <source>Photo stored.</source>
        <translation>Photo enregistrée.</translation>
    </message>
    <message>
        <source>Note not saved: %1</source>
        <translation>Note non enregistrée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Photo not saved: %1</source>
        <translation>Photo non enregistrée&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <source>Close this notice</source>
        <translation>Fermer cet avis</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Notices</source>
        <translation>Avis</translation>
    </message>
    <message>
        <source>The badge is ready.</source>
        <translation>Le badge est prêt.</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>Print the badge</source>
        <translation>Imprimer le badge</translation>
    </message>
    <message>
        <source>Open PDF</source>
        <translation>Ouvrir le PDF</translation>
    </message>
    <message>
        <source>Open the badge PDF</source>
        <translation>Ouvrir le PDF du badge</translation>
    </message>
    <message numerus="yes">
        <source>Back online: %n person(s) checked in twice.</source>
        <translation>
            <numerusform>De nouveau en ligne&#xa0;: %n personne enregistrée deux fois.</numerusform>
            <numerusform>De nouveau en ligne&#xa0;: %n personnes enregistrées deux fois.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (no. %2) was checked in twice to %6 at %3, at %4 and at %5.</source>
        <translation>%1 (nº %2) a été enregistré·e deux fois pour %6 au poste %3, à %4 et à %5.</translation>
    </message>
    <message>
        <source>%1 (no. %2) was checked in twice at %3, at %4 and at %5.</source>
        <translation>%1 (nº %2) a été enregistré·e deux fois au poste %3, à %4 et à %5.</translation>
    </message>
    <message>
        <source>%1 (no. %2) was checked in to %6 at two desks that could not see each other: %3 at %4, %5 at %7.</source>
        <translation>%1 (nº %2) a été enregistré·e pour %6 à deux postes qui ne se voyaient pas&#xa0;: %3 à %4, %5 à %7.</translation>
    </message>
    <message>
        <source>%1 (no. %2) was checked in at two desks that could not see each other: %3 at %4, %5 at %7.</source>
        <translation>%1 (nº %2) a été enregistré·e à deux postes qui ne se voyaient pas&#xa0;: %3 à %4, %5 à %7.</translation>
    </message>
    <message>
        <source>a desk</source>
        <translation>un poste</translation>
    </message>
    <message numerus="yes">
        <source>Back online: %n change(s) made offline need a look.</source>
        <translation>
            <numerusform>De nouveau en ligne&#xa0;: %n modification faite hors ligne est à vérifier.</numerusform>
            <numerusform>De nouveau en ligne&#xa0;: %n modifications faites hors ligne sont à vérifier.</numerusform>
        </translation>
    </message>
    <message>
        <source>Walk-in %1 (no. %2), registered offline at %3 at %4, may be %5 (no. %6), already registered: both are kept; check and cancel one of the two.</source>
        <translation>%1 (nº&#xa0;%2), inscrit·e sur place hors ligne à %3 à %4, est peut-être %5 (nº&#xa0;%6), déjà inscrit·e&#xa0;: les deux fiches sont gardées&#xa0;; vérifiez et annulez l’une des deux.</translation>
    </message>
    <message>
        <source>Walk-in %1 (no. %2), registered offline at %3 at %4, was not added: no. %2 is %5 on the server.</source>
        <translation>%1 (nº&#xa0;%2), inscrit·e sur place hors ligne à %3 à %4, n’a pas été ajouté·e&#xa0;: sur le serveur, le nº&#xa0;%2 est %5.</translation>
    </message>
    <message>
        <source>The details of %1 changed offline at %2 at %3 were not saved: no such delegate on the server.</source>
        <translation>La fiche de %1 modifiée hors ligne à %2 à %3 n’a pas été enregistrée&#xa0;: cette personne n’existe pas sur le serveur.</translation>
    </message>
    <message>
        <source>The details of %1 changed offline at %2 at %3 were not saved: %4 changed on the server meanwhile.</source>
        <translation>La fiche de %1 modifiée hors ligne à %2 à %3 n’a pas été enregistrée&#xa0;: %4 a changé sur le serveur entre-temps.</translation>
    </message>
    <message>
        <source>The details of %1 changed offline at %2 at %3 were not saved: %4.</source>
        <translation>La fiche de %1 modifiée hors ligne à %2 à %3 n’a pas été enregistrée&#xa0;: %4.</translation>
    </message>
    <message>
        <source>The note of %1 typed offline at %2 at %3 was not saved: no such delegate on the server.</source>
        <translation>La note de %1 saisie hors ligne à %2 à %3 n’a pas été enregistrée&#xa0;: cette personne n’existe pas sur le serveur.</translation>
    </message>
    <message>
        <source>The note of %1 typed offline at %2 at %3 was not saved: the note changed on the server meanwhile (now “%4”; typed: “%5”).</source>
        <translation>La note de %1 saisie hors ligne à %2 à %3 n’a pas été enregistrée&#xa0;: la note a changé sur le serveur entre-temps (maintenant «&#xa0;%4&#xa0;»&#xa0;; saisie&#xa0;: «&#xa0;%5&#xa0;»).</translation>
    </message>
</context>
<context>
    <name>OrganiserMenu</name>
    <message>
        <source>&amp;Event</source>
        <translation>É&amp;vénement</translation>
    </message>
    <message>
        <source>Event menu</source>
        <translation>Menu Événement</translation>
    </message>
    <message>
        <source>&amp;Export attendance…</source>
        <translation>E&amp;xporter les présences…</translation>
    </message>
    <message>
        <source>Export attendance as a spreadsheet</source>
        <translation>Exporter les présences dans un tableur</translation>
    </message>
    <message>
        <source>&amp;Donors&apos; report (PDF)…</source>
        <translation>Rapport pour les &amp;donateurs (PDF)…</translation>
    </message>
    <message>
        <source>Save the donors&apos; attendance report as PDF</source>
        <translation>Enregistrer en PDF le rapport de présence pour les donateurs</translation>
    </message>
    <message>
        <source>&amp;Sign-in sheets (PDF)…</source>
        <translation>&amp;Feuilles d’émargement (PDF)…</translation>
    </message>
    <message>
        <source>Save paper sign-in sheets as PDF</source>
        <translation>Enregistrer les feuilles d’émargement papier en PDF</translation>
    </message>
    <message>
        <source>&amp;Badges by e-mail…</source>
        <translation>&amp;Badges par e-mail…</translation>
    </message>
    <message>
        <source>Write badge files for a mail merge</source>
        <translation>Écrire les fichiers de badges pour un publipostage</translation>
    </message>
    <message>
        <source>Enter &amp;paper sign-in ticks…</source>
        <translation>Saisir les &amp;coches des feuilles papier…</translation>
    </message>
    <message>
        <source>Enter the ticks of a paper sign-in sheet</source>
        <translation>Saisir les coches d’une feuille d’émargement papier</translation>
    </message>
    <message>
        <source>Import p&amp;hotos…</source>
        <translation>Importer des p&amp;hotos…</translation>
    </message>
    <message>
        <source>Import delegates&apos; photos from a folder</source>
        <translation>Importer les photos des participant·es depuis un dossier</translation>
    </message>
    <message>
        <source>Back &amp;up now…</source>
        <translation>&amp;Sauvegarder maintenant…</translation>
    </message>
    <message>
        <source>Back up the database now</source>
        <translation>Sauvegarder la base de données maintenant</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <source>Restore a backup and close the app</source>
        <translation>Restaurer une sauvegarde et fermer l’application</translation>
    </message>
    <message>
        <source>&amp;Kiosk…</source>
        <translation>Bor&amp;ne…</translation>
    </message>
    <message>
        <source>Open the self check-in kiosk full screen (closed with the lock PIN)</source>
        <translation>Ouvrir la borne d’enregistrement libre-service en plein écran (fermée avec le code PIN de verrouillage)</translation>
    </message>
    <message>
        <source>Pur&amp;ge personal data…</source>
        <translation>&amp;Purger les données personnelles…</translation>
    </message>
    <message>
        <source>Purge personal data after the event</source>
        <translation>Purger les données personnelles après l’événement</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>&amp;Restore and close the app</source>
        <translation>&amp;Restaurer et fermer l’application</translation>
    </message>
    <message>
        <source>Restore the backup and close the app</source>
        <translation>Restaurer la sauvegarde et fermer l’application</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Ouvrir le dossier</translation>
    </message>
    <message>
        <source>Open the folder in the file manager</source>
        <translation>Ouvrir le dossier dans le gestionnaire de fichiers</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>Annulé&#xa0;: rien n’a été écrit.</translation>
    </message>
    <message>
        <source>Export attendance</source>
        <translation>Exporter les présences</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Writing the attendance…</source>
        <translation>Écriture des présences…</translation>
    </message>
    <message>
        <source>Donors&apos; report</source>
        <translation>Rapport pour les donateurs</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Laying out the report…</source>
        <translation>Mise en page du rapport…</translation>
    </message>
    <message>
        <source>Sign-in sheets</source>
        <translation>Feuilles d’émargement</translation>
    </message>
    <message>
        <source>Laying out the sign-in sheets…</source>
        <translation>Mise en page des feuilles d’émargement…</translation>
    </message>
    <message numerus="yes">
        <source>Attendance of %n delegate(s) written to:
%2</source>
        <translation>
            <numerusform>Présences de %n personne écrites dans&#xa0;:
%2</numerusform>
            <numerusform>Présences de %n personnes écrites dans&#xa0;:
%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n badge(s) (a PDF and a QR code image each) and the list for your mail program written to:
%2</source>
        <translation>
            <numerusform>%n badge (un PDF et une image de code QR) et la liste pour votre messagerie écrits dans&#xa0;:
%2</numerusform>
            <numerusform>%n badges (un PDF et une image de code QR chacun) et la liste pour votre messagerie écrits dans&#xa0;:
%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Donors&apos; report (counts only, no names) written to:
%2</source>
        <translation>Rapport pour les donateurs (chiffres seulement, sans noms) écrit dans&#xa0;:
%2</translation>
    </message>
    <message>
        <source>Sign-in sheets written to:
%2

Print them the evening before. Ticks are entered afterwards with Event ▸ Enter paper sign-in ticks.</source>
        <translation>Feuilles d’émargement écrites dans&#xa0;:
%2

Imprimez-les la veille. Les coches se saisissent ensuite avec Événement ▸ Saisir les coches des feuilles papier.</translation>
    </message>
    <message>
        <source>Badges by e-mail</source>
        <translation>Badges par e-mail</translation>
    </message>
    <message>
        <source>Folder for the badges by e-mail</source>
        <translation>Dossier pour les badges par e-mail</translation>
    </message>
    <message>
        <source>Drawing the badges…</source>
        <translation>Création des badges…</translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled registration(s) skipped.</source>
        <translation>
            <numerusform>%n inscription annulée ignorée.</numerusform>
            <numerusform>%n inscriptions annulées ignorées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sauvegarder maintenant</translation>
    </message>
    <message>
        <source>Back up the database into…</source>
        <translation>Sauvegarder la base de données dans…</translation>
    </message>
    <message>
        <source>Copying and checking the database…</source>
        <translation>Copie et vérification de la base de données…</translation>
    </message>
    <message>
        <source>Backed up to:
%1
(%2 bytes, integrity checked.)</source>
        <translation>Sauvegardé dans&#xa0;:
%1
(%2 octets, intégrité vérifiée.)</translation>
    </message>
    <message numerus="yes">
        <source>%n older backup(s) removed by the rotation.</source>
        <translation>
            <numerusform>%n ancienne sauvegarde supprimée par la rotation.</numerusform>
            <numerusform>%n anciennes sauvegardes supprimées par la rotation.</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace the event database
%1
with the backup
%2
(saved %3)?

Everything recorded since that backup is replaced by the backup&apos;s data. The current database is first kept as a backup in
%4
so this can be undone.

The database cannot be replaced while the app has it open: the app closes to restore it. Close the app on any other desk using this database first. Then start checkin again.</source>
        <translation>Remplacer la base de données de l’événement
%1
par la sauvegarde
%2
(enregistrée le %3)&#x202f;?

Tout ce qui a été enregistré depuis cette sauvegarde est remplacé par les données de la sauvegarde. La base de données actuelle est d’abord conservée comme sauvegarde dans
%4
pour que cette opération puisse être annulée.

La base de données ne peut pas être remplacée tant que l’application l’a ouverte&#xa0;: l’application se ferme pour la restaurer. Fermez d’abord l’application sur tout autre poste qui utilise cette base de données. Puis relancez checkin.</translation>
    </message>
    <message>
        <source>Wait for the running task to finish, then restore.</source>
        <translation>Attendez la fin de la tâche en cours, puis restaurez.</translation>
    </message>
    <message>
        <source>checkin backups (*.sqlite);;All files (*)</source>
        <translation>Sauvegardes checkin (*.sqlite);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>The replaced database is kept as:
%1</source>
        <translation>La base de données remplacée est conservée sous&#xa0;:
%1</translation>
    </message>
    <message>
        <source>Restored %1 from %2.</source>
        <translation>%1 restaurée à partir de %2.</translation>
    </message>
    <message>
        <source>checkin now closes: start it again to continue.</source>
        <translation>checkin va se fermer&#xa0;: relancez-le pour continuer.</translation>
    </message>
    <message>
        <source>Purge personal data</source>
        <translation>Purger les données personnelles</translation>
    </message>
    <message>
        <source>Wait for the running task to finish, then purge.</source>
        <translation>Attendez la fin de la tâche en cours, puis purgez.</translation>
    </message>
    <message>
        <source>%1: name the file .xlsx or .csv.</source>
        <translation>%1&#xa0;: donnez au fichier l’extension .xlsx ou .csv.</translation>
    </message>
    <message>
        <source>Something went wrong (%1).</source>
        <translation>Une erreur s’est produite (%1).</translation>
    </message>
    <message>
        <source>Could not write the file: %1</source>
        <translation>Le fichier n’a pas pu être écrit&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>OutcomePanel</name>
    <message>
        <source>Check-in result</source>
        <translation>Résultat de l’enregistrement</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Scan a badge, or type a name to find someone.</source>
        <translation>Scannez un badge, ou tapez un nom pour trouver une personne.</translation>
    </message>
    <message>
        <source>Ready — next person</source>
        <translation>Prêt — personne suivante</translation>
    </message>
    <message>
        <source>Badge replaced</source>
        <translation>Badge remplacé</translation>
    </message>
    <message>
        <source>Registration cancelled</source>
        <translation>Inscription annulée</translation>
    </message>
    <message>
        <source>Another event&apos;s badge</source>
        <translation>Badge d’un autre événement</translation>
    </message>
    <message>
        <source>Not a valid badge</source>
        <translation>Badge non valide</translation>
    </message>
    <message>
        <source>Not allowed in</source>
        <translation>Entrée refusée</translation>
    </message>
    <message>
        <source>Not admitted</source>
        <translation>Non admis·e</translation>
    </message>
    <message>
        <source>This badge is for another event.</source>
        <translation>Ce badge est celui d’un autre événement.</translation>
    </message>
    <message>
        <source>Not a valid badge code for this event.</source>
        <translation>Ce code n’est pas un badge valide pour cet événement.</translation>
    </message>
    <message>
        <source>Badge number %1 is not in this desk&apos;s roster.</source>
        <translation>Le badge numéro %1 ne figure pas dans la liste de ce poste.</translation>
    </message>
    <message>
        <source>This badge (version %1) is newer than this desk&apos;s roster (version %2): the desk may be out of date.</source>
        <translation>Ce badge (version %1) est plus récent que la liste de ce poste (version %2)&#xa0;: le poste n’est peut-être pas à jour.</translation>
    </message>
    <message>
        <source>This badge was replaced by a newer one: ask for the new badge.</source>
        <translation>Ce badge a été remplacé par un plus récent&#xa0;: demandez le nouveau badge.</translation>
    </message>
    <message>
        <source>This badge was replaced by a reprint at %1: ask for the new badge.</source>
        <translation>Ce badge a été remplacé par une réimpression à %1&#xa0;: demandez le nouveau badge.</translation>
    </message>
    <message>
        <source>This badge was replaced by a reprint at %1 on %2: ask for the new badge.</source>
        <translation>Ce badge a été remplacé par une réimpression le %2 à %1&#xa0;: demandez le nouveau badge.</translation>
    </message>
    <message>
        <source>Registration cancelled.</source>
        <translation>Inscription annulée.</translation>
    </message>
    <message>
        <source>%1 was not checked in to %2.</source>
        <translation>%1 n’était pas enregistré·e pour %2.</translation>
    </message>
    <message>
        <source>%1 already left %2 at %3.</source>
        <translation>%1 est déjà sorti·e de %2 à %3.</translation>
    </message>
    <message>
        <source>Already checked in at %2</source>
        <translation>Déjà enregistré·e à %2</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <source>Already checked in</source>
        <translation>Déjà enregistré·e</translation>
    </message>
    <message>
        <source>Goodbye</source>
        <translation>Au revoir</translation>
    </message>
    <message>
        <source>Not in the room</source>
        <translation>Pas dans la salle</translation>
    </message>
    <message>
        <source>Check-in undone</source>
        <translation>Enregistrement annulé</translation>
    </message>
    <message>
        <source>This person is no longer checked in.</source>
        <translation>Cette personne n’est plus enregistrée.</translation>
    </message>
    <message>
        <source>Already checked in to %1 at %2</source>
        <translation>Déjà enregistré·e pour %1 à %2</translation>
    </message>
    <message>
        <source>Admitted to %1</source>
        <translation>Admis·e&#xa0;: %1</translation>
    </message>
    <message>
        <source>Code read: %1</source>
        <translation>Code lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>Left %1</source>
        <translation>Sortie de %1</translation>
    </message>
    <message>
        <source>Admitted by supervisor override.</source>
        <translation>Admis·e par dérogation du ou de la responsable.</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Supervisor override</source>
        <translation>Dérogation du ou de la responsable</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>e.g. invited by the chair</source>
        <translation>p. ex. invité·e par la présidence</translation>
    </message>
    <message>
        <source>Admit</source>
        <translation>Admettre</translation>
    </message>
    <message>
        <source>Refused by:</source>
        <translation>Refusé par&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Supervisor:</source>
        <translation>&amp;Responsable&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif&#xa0;:</translation>
    </message>
</context>
<context>
    <name>PaperDialog</name>
    <message>
        <source>Enter paper sign-in ticks</source>
        <translation>Saisir les coches des feuilles papier</translation>
    </message>
    <message>
        <source>Type or paste the references ticked on the paper sheet: one per line, or separated by spaces or commas (#12 means delegate number 12). Nothing is recorded until you press Record; entering the same sheet twice changes nothing.</source>
        <translation>Tapez ou collez les références cochées sur la feuille papier&#xa0;: une par ligne, ou séparées par des espaces ou des virgules (#12 désigne la fiche nº 12). Rien n’est enregistré avant d’appuyer sur Enregistrer&#x202f;; saisir deux fois la même feuille ne change rien.</translation>
    </message>
    <message>
        <source>Ticked references</source>
        <translation>Références cochées</translation>
    </message>
    <message>
        <source>e.g. IOMNGO-0012, IOMNGO-0040, #7</source>
        <translation>p. ex. IOMNGO-0012, IOMNGO-0040, #7</translation>
    </message>
    <message>
        <source>Ticked &amp;references:</source>
        <translation>Ré&amp;férences cochées&#xa0;:</translation>
    </message>
    <message>
        <source>Arrival time (24 hours, event&apos;s time zone)</source>
        <translation>Heure d’arrivée (24 heures, fuseau horaire de l’événement)</translation>
    </message>
    <message>
        <source>Paper sheet</source>
        <translation>Feuille papier</translation>
    </message>
    <message>
        <source>Station written in the journal</source>
        <translation>Poste inscrit dans le journal</translation>
    </message>
    <message>
        <source>e.g. Paper A–K</source>
        <translation>p. ex. Papier A–K</translation>
    </message>
    <message>
        <source>Record as</source>
        <translation>Enregistrer comme</translation>
    </message>
    <message>
        <source>Arrival &amp;time:</source>
        <translation>&amp;Heure d’arrivée&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Station:</source>
        <translation>&amp;Poste&#xa0;:</translation>
    </message>
    <message>
        <source>Record &amp;as:</source>
        <translation>Enregistrer &amp;comme&#xa0;:</translation>
    </message>
    <message>
        <source>Times are the event&apos;s local time (%1), on the event day (%2).</source>
        <translation>Les heures sont celles du lieu de l’événement (%1), le jour de l’événement (%2).</translation>
    </message>
    <message>
        <source>Chec&amp;k</source>
        <translation>&amp;Vérifier</translation>
    </message>
    <message>
        <source>Check the references</source>
        <translation>Vérifier les références</translation>
    </message>
    <message>
        <source>Type the references, then Check.</source>
        <translation>Tapez les références, puis Vérifier.</translation>
    </message>
    <message>
        <source>What will be recorded</source>
        <translation>Ce qui sera enregistré</translation>
    </message>
    <message>
        <source>Each reference and what happens to it</source>
        <translation>Chaque référence et ce qu’il en advient</translation>
    </message>
    <message>
        <source>What was recorded</source>
        <translation>Ce qui a été enregistré</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Record the known references</source>
        <translation>Enregistrer les références connues</translation>
    </message>
    <message>
        <source>Arrival at the venue</source>
        <translation>Arrivée sur le lieu</translation>
    </message>
    <message>
        <source>Session: %1 (%2)</source>
        <translation>Session&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message numerus="yes">
        <source>%n to record</source>
        <translation>
            <numerusform>%n à enregistrer</numerusform>
            <numerusform>%n à enregistrer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already checked in</source>
        <translation>
            <numerusform>%n déjà enregistrée</numerusform>
            <numerusform>%n déjà enregistrées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unknown (skipped)</source>
        <translation>
            <numerusform>%n inconnue (ignorée)</numerusform>
            <numerusform>%n inconnues (ignorées)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled (skipped)</source>
        <translation>
            <numerusform>%n annulée (ignorée)</numerusform>
            <numerusform>%n annulées (ignorées)</numerusform>
        </translation>
    </message>
    <message>
        <source>✓ %1 — %2: will be recorded</source>
        <translation>✓ %1 — %2&#xa0;: sera enregistré·e</translation>
    </message>
    <message>
        <source>= %1 — %2: already checked in at %3, left as it is</source>
        <translation>= %1 — %2&#xa0;: déjà enregistré·e à %3, laissé·e tel quel</translation>
    </message>
    <message>
        <source>✗ %1 — %2: registration cancelled, skipped</source>
        <translation>✗ %1 — %2&#xa0;: inscription annulée, ignorée</translation>
    </message>
    <message>
        <source>✗ %1: unknown reference, skipped</source>
        <translation>✗ %1&#xa0;: référence inconnue, ignorée</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Record %n arrival(s)</source>
        <translation>
            <numerusform>&amp;Enregistrer %n arrivée</numerusform>
            <numerusform>&amp;Enregistrer %n arrivées</numerusform>
        </translation>
    </message>
    <message>
        <source>✗ Give a station name, e.g. Paper A–K.</source>
        <translation>✗ Indiquez un nom de poste, p. ex. Papier A–K.</translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Nothing was recorded.</source>
        <translation>Rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>session %1</source>
        <translation>session %1</translation>
    </message>
    <message>
        <source>the venue</source>
        <translation>le lieu</translation>
    </message>
    <message numerus="yes">
        <source>✓ Recorded %n arrival(s) to %1 at %2 (%3).</source>
        <translation>
            <numerusform>✓ %n arrivée enregistrée pour %1 à %2 (%3).</numerusform>
            <numerusform>✓ %n arrivées enregistrées pour %1 à %2 (%3).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already checked in, left as they were.</source>
        <translation>
            <numerusform>%n personne déjà enregistrée, laissée telle quelle.</numerusform>
            <numerusform>%n personnes déjà enregistrées, laissées telles quelles.</numerusform>
        </translation>
    </message>
    <message>
        <source>Skipped, unknown: %1.</source>
        <translation>Ignorées, inconnues&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Skipped, registration cancelled: %1.</source>
        <translation>Ignorées, inscription annulée&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Something went wrong (%1).</source>
        <translation>Une erreur s’est produite (%1).</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>printed</source>
        <translation>imprimé</translation>
    </message>
    <message>
        <source>not printed</source>
        <translation>non imprimé</translation>
    </message>
</context>
<context>
    <name>PersonFields</name>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Type to choose, e.g. Switzerland</source>
        <translation>Tapez pour choisir, p. ex. Suisse</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>&amp;Prénom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation&#xa0;:</translation>
    </message>
    <message>
        <source>Co&amp;untry:</source>
        <translation>Pa&amp;ys&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail&#xa0;:</translation>
    </message>
    <message>
        <source>C&amp;ategory:</source>
        <translation>C&amp;atégorie&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>&amp;Référence&#xa0;:</translation>
    </message>
    <message>
        <source>%1 (required):</source>
        <translation>%1 (obligatoire)&#xa0;:</translation>
    </message>
    <message>
        <source>%1, required</source>
        <translation>%1, obligatoire</translation>
    </message>
    <message>
        <source>Enter a first name or a last name.</source>
        <translation>Saisissez un prénom ou un nom.</translation>
    </message>
    <message>
        <source>Too long (%1 characters; at most %2).</source>
        <translation>Trop long (%1 caractères&#x202f;; au maximum %2).</translation>
    </message>
    <message>
        <source>Unknown country “%1”.</source>
        <translation>Pays inconnu&#xa0;: «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Invalid e-mail address “%1”.</source>
        <translation>Adresse e-mail non valide&#xa0;: «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Unknown category “%1” (%2).</source>
        <translation>Catégorie inconnue&#xa0;: «&#xa0;%1&#xa0;» (%2).</translation>
    </message>
    <message>
        <source>Already registered: %1, %2.</source>
        <translation>Déjà inscrit·e&#xa0;: %1, %2.</translation>
    </message>
    <message>
        <source>Already registered: %1, %2 (registration cancelled).</source>
        <translation>Déjà inscrit·e&#xa0;: %1, %2 (inscription annulée).</translation>
    </message>
    <message>
        <source>Already the e-mail of %1.</source>
        <translation>C’est déjà l’adresse e-mail de %1.</translation>
    </message>
    <message>
        <source>Already the reference of %1.</source>
        <translation>C’est déjà la référence de %1.</translation>
    </message>
    <message>
        <source>Enter the first name: a walk-in needs it.</source>
        <translation>Saisissez le prénom&#xa0;: il est obligatoire pour une inscription sur place.</translation>
    </message>
    <message>
        <source>Enter the last name: a walk-in needs it.</source>
        <translation>Saisissez le nom&#xa0;: il est obligatoire pour une inscription sur place.</translation>
    </message>
    <message>
        <source>Enter the organisation: a walk-in needs it.</source>
        <translation>Saisissez l’organisation&#xa0;: elle est obligatoire pour une inscription sur place.</translation>
    </message>
    <message>
        <source>Choose the country: a walk-in needs it.</source>
        <translation>Choisissez le pays&#xa0;: il est obligatoire pour une inscription sur place.</translation>
    </message>
    <message>
        <source>Enter the e-mail address: a walk-in needs it.</source>
        <translation>Saisissez l’adresse e-mail&#xa0;: elle est obligatoire pour une inscription sur place.</translation>
    </message>
    <message>
        <source>Choose the category: a walk-in needs it.</source>
        <translation>Choisissez la catégorie&#xa0;: elle est obligatoire pour une inscription sur place.</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Obligatoire.</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1.</translation>
    </message>
</context>
<context>
    <name>PhotoDialog</name>
    <message>
        <source>Take photo</source>
        <translation>Prendre une photo</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Démarrage de la caméra…</translation>
    </message>
    <message>
        <source>Camera picture</source>
        <translation>Image de la caméra</translation>
    </message>
    <message>
        <source>&amp;Take</source>
        <translation>&amp;Prendre</translation>
    </message>
</context>
<context>
    <name>PhotoImport</name>
    <message>
        <source>Import photos from a folder</source>
        <translation>Importer des photos depuis un dossier</translation>
    </message>
    <message>
        <source>Cancelled: the photos stored so far are kept.</source>
        <translation>Annulé&#xa0;: les photos déjà enregistrées sont gardées.</translation>
    </message>
    <message>
        <source>Importing photos…</source>
        <translation>Importation des photos…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Import photos</source>
        <translation>Importer des photos</translation>
    </message>
    <message>
        <source>Not read: %1</source>
        <translation>Non lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>Matched no one (name a file by reference, e-mail or number): %1</source>
        <translation>Sans correspondance (nommez un fichier par référence, e-mail ou numéro)&#xa0;: %1</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>et %1 autres</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) stored.</source>
        <translation>
            <numerusform>%n photo enregistrée.</numerusform>
            <numerusform>%n photos enregistrées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <source>Staff: type the lock PIN to close the kiosk</source>
        <translation>Équipe&#xa0;: tapez le code PIN de verrouillage pour fermer la borne</translation>
    </message>
    <message>
        <source>Lock PIN</source>
        <translation>Code PIN de verrouillage</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Close the kiosk</source>
        <translation>Fermer la borne</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Preview of the badges</source>
        <translation>Aperçu des badges</translation>
    </message>
    <message>
        <source>Press Preview to see the badges as they will print.</source>
        <translation>Appuyez sur Aperçu pour voir les badges tels qu’ils seront imprimés.</translation>
    </message>
</context>
<context>
    <name>PrintLogDialog</name>
    <message>
        <source>Print log</source>
        <translation>Journal d’impression</translation>
    </message>
    <message>
        <source>Queue of this desk</source>
        <translation>File d’attente de ce poste</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>Essais</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Badges printed</source>
        <translation>Badges imprimés</translation>
    </message>
    <message>
        <source>Printed at</source>
        <translation>Imprimé à</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Impression</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>Loading the prints…</source>
        <translation>Chargement des impressions…</translation>
    </message>
    <message>
        <source>&amp;Queue of this desk:</source>
        <translation>&amp;File d’attente de ce poste&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Badges printed and reprinted (newest first):</source>
        <translation>&amp;Badges imprimés et réimprimés (les plus récents d’abord)&#xa0;:</translation>
    </message>
    <message>
        <source>The prints could not be read.</source>
        <translation>Les impressions n’ont pas pu être lues.</translation>
    </message>
    <message>
        <source>reprint: %1</source>
        <translation>réimpression&#xa0;: %1</translation>
    </message>
    <message>
        <source>first print</source>
        <translation>première impression</translation>
    </message>
    <message numerus="yes">
        <source>%n badge print(s) recorded.</source>
        <translation>
            <numerusform>%n impression de badge enregistrée.</numerusform>
            <numerusform>%n impressions de badges enregistrées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintQueue</name>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>printing</source>
        <translation>impression en cours</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>imprimé</translation>
    </message>
    <message>
        <source>PDF ready</source>
        <translation>PDF prêt</translation>
    </message>
    <message>
        <source>trying again soon</source>
        <translation>nouvel essai bientôt</translation>
    </message>
    <message>
        <source>not printed</source>
        <translation>non imprimé</translation>
    </message>
</context>
<context>
    <name>ProblemsBox</name>
    <message>
        <source>Check before printing</source>
        <translation>Vérifier avant d’imprimer</translation>
    </message>
    <message>
        <source>How to fix the chosen problem</source>
        <translation>Comment corriger le problème choisi</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>À faire&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n badge(s) with a problem. Press Enter on one to fix it.</source>
        <translation>
            <numerusform>%n badge présente un problème. Appuyez sur Entrée sur la ligne pour le corriger.</numerusform>
            <numerusform>%n badges présentent un problème. Appuyez sur Entrée sur l’un d’eux pour le corriger.</numerusform>
        </translation>
    </message>
    <message>
        <source>✓ No problem found.</source>
        <translation>✓ Aucun problème trouvé.</translation>
    </message>
</context>
<context>
    <name>ProblemsList</name>
    <message>
        <source>Badge problems: press Enter to fix the delegate</source>
        <translation>Problèmes de badge&#xa0;: appuyez sur Entrée pour corriger la fiche</translation>
    </message>
    <message numerus="yes">
        <source>No photo for %n person(s): %1</source>
        <translation>
            <numerusform>Pas de photo pour %n personne&#xa0;: %1</numerusform>
            <numerusform>Pas de photo pour %n personnes&#xa0;: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PurgeDialog</name>
    <message>
        <source>Purge personal data</source>
        <translation>Purger les données personnelles</translation>
    </message>
    <message>
        <source>⚠ Remove the personal data of “%1” (%2)?</source>
        <translation>⚠ Supprimer les données personnelles de «&#xa0;%1&#xa0;» (%2)&#x202f;?</translation>
    </message>
    <message>
        <source>What is removed: every delegate&apos;s first and last name, e-mail address and reference; what the scanners read and the operators&apos; names in the journal; the reasons given for reprints. The badge secret is replaced, so a badge kept by someone no longer identifies them.</source>
        <translation>Ce qui est supprimé&#xa0;: le prénom et le nom, l’adresse e-mail et la référence de chaque personne&#x202f;; ce que les scanners ont lu et les noms des opérateurs dans le journal&#x202f;; les motifs de réimpression. Le secret des badges est remplacé&#xa0;: un badge conservé par quelqu’un ne permet plus de l’identifier.</translation>
    </message>
    <message>
        <source>The backups in %1 are deleted too.</source>
        <translation>Les sauvegardes dans %1 sont aussi supprimées.</translation>
    </message>
    <message>
        <source>What stays: the event and its sessions, and for each delegate their number, category, country, organisation and arrival times, so the headcounts per session, category, country and organisation stay the same. Export the donors&apos; report and the attendance first if you still need names.</source>
        <translation>Ce qui reste&#xa0;: l’événement et ses sessions, et pour chaque personne son numéro, sa catégorie, son pays, son organisation et ses heures d’arrivée, si bien que les effectifs par session, catégorie, pays et organisation ne changent pas. Exportez d’abord le rapport pour les donateurs et les présences si vous avez encore besoin des noms.</translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>Cette opération est irréversible.</translation>
    </message>
    <message>
        <source>The event&apos;s name, to confirm</source>
        <translation>Le nom de l’événement, pour confirmer</translation>
    </message>
    <message>
        <source>Type the event&apos;s name to confirm (“%1”):</source>
        <translation>Tapez le nom de l’événement pour confirmer («&#xa0;%1&#xa0;»)&#xa0;:</translation>
    </message>
    <message>
        <source>Purge status</source>
        <translation>État de la purge</translation>
    </message>
    <message>
        <source>Purging</source>
        <translation>Purge</translation>
    </message>
    <message>
        <source>&amp;Purge personal data</source>
        <translation>&amp;Purger les données personnelles</translation>
    </message>
    <message>
        <source>Purge personal data now</source>
        <translation>Purger les données personnelles maintenant</translation>
    </message>
    <message>
        <source>✓ The name matches.</source>
        <translation>✓ Le nom correspond.</translation>
    </message>
    <message>
        <source>✗ The name does not match yet.</source>
        <translation>✗ Le nom ne correspond pas encore.</translation>
    </message>
    <message>
        <source>✗ Not confirmed: the name does not match; nothing was changed.</source>
        <translation>✗ Non confirmé&#xa0;: le nom ne correspond pas&#x202f;; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>✗ Another task is still running (a backup, an export or printing). Wait for it to finish, then purge.</source>
        <translation>✗ Une autre tâche est encore en cours (sauvegarde, exportation ou impression). Attendez qu’elle se termine, puis purgez.</translation>
    </message>
    <message>
        <source>Purging… (the database is rebuilt: this can take a while)</source>
        <translation>Purge en cours… (la base de données est reconstruite&#xa0;: cela peut prendre un moment)</translation>
    </message>
    <message>
        <source>✓ Personal data removed from %1 and %2; %3. The counts are kept.</source>
        <translation>✓ Données personnelles supprimées pour %1 et %2&#x202f;; %3. Les effectifs sont conservés.</translation>
    </message>
    <message numerus="yes">
        <source>%n delegate(s)</source>
        <translation>
            <numerusform>%n personne</numerusform>
            <numerusform>%n personnes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n journal row(s)</source>
        <translation>
            <numerusform>%n ligne du journal</numerusform>
            <numerusform>%n lignes du journal</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) deleted</source>
        <translation>
            <numerusform>%n sauvegarde supprimée</numerusform>
            <numerusform>%n sauvegardes supprimées</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ Another program (another desk?) has the database open, so old values may remain in its journal file until it closes. Close it and purge again.</source>
        <translation>⚠ Un autre programme (un autre poste&#x202f;?) a ouvert la base de données&#xa0;: d’anciennes valeurs peuvent rester dans son fichier journal jusqu’à sa fermeture. Fermez-le et purgez à nouveau.</translation>
    </message>
    <message>
        <source>Something went wrong (%1); nothing was changed.</source>
        <translation>Une erreur s’est produite (%1)&#x202f;; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>ReprintDialog</name>
    <message>
        <source>Reprint badges</source>
        <translation>Réimprimer des badges</translation>
    </message>
    <message numerus="yes">
        <source>⚠ Reprinting %n badge(s) revokes the badge these people hold now: it will be refused at the door (“revoked”). Only their new badge will work.</source>
        <translation>
            <numerusform>⚠ Réimprimer %n badge révoque le badge que cette personne porte maintenant&#xa0;: il sera refusé à l’entrée («&#xa0;révoqué&#xa0;»). Seul le nouveau badge fonctionnera.</numerusform>
            <numerusform>⚠ Réimprimer %n badges révoque les badges que ces personnes portent maintenant&#xa0;: ils seront refusés à l’entrée («&#xa0;révoqué&#xa0;»). Seuls les nouveaux badges fonctionneront.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reason for the reprint</source>
        <translation>Motif de la réimpression</translation>
    </message>
    <message>
        <source>e.g. lost, name misspelt, damaged</source>
        <translation>p. ex. perdu, nom mal orthographié, abîmé</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif&#xa0;:</translation>
    </message>
    <message>
        <source>Re&amp;print</source>
        <translation>&amp;Réimprimer</translation>
    </message>
    <message>
        <source>Reprint and revoke the old badges</source>
        <translation>Réimprimer et révoquer les anciens badges</translation>
    </message>
</context>
<context>
    <name>ResultBanner</name>
    <message>
        <source>Scan result</source>
        <translation>Résultat du scan</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>(registration cancelled)</source>
        <translation>(inscription annulée)</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <source>Roster</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Filter the roster</source>
        <translation>Filtrer la liste</translation>
    </message>
    <message>
        <source>Filter: name, organisation, e-mail or reference (Ctrl+F)</source>
        <translation>Filtre&#xa0;: nom, organisation, e-mail ou référence (Ctrl+F)</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Filtre par état</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Inscrit·e</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé·e</translation>
    </message>
    <message>
        <source>Category filter</source>
        <translation>Filtre par catégorie</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>Toutes les catégories</translation>
    </message>
    <message>
        <source>Organisation filter</source>
        <translation>Filtre par organisation</translation>
    </message>
    <message>
        <source>Country filter</source>
        <translation>Filtre par pays</translation>
    </message>
    <message>
        <source>Badge printed filter</source>
        <translation>Filtre par impression du badge</translation>
    </message>
    <message>
        <source>Printed or not</source>
        <translation>Imprimé ou non</translation>
    </message>
    <message>
        <source>Badge printed</source>
        <translation>Badge imprimé</translation>
    </message>
    <message>
        <source>Badge not printed</source>
        <translation>Badge non imprimé</translation>
    </message>
    <message>
        <source>Arrival filter</source>
        <translation>Filtre par arrivée</translation>
    </message>
    <message>
        <source>Arrived or not</source>
        <translation>Arrivé·e ou non</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Arrivé·e</translation>
    </message>
    <message>
        <source>Not arrived</source>
        <translation>Pas arrivé·e</translation>
    </message>
    <message>
        <source>Delegates</source>
        <translation>Participant·e·s</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>Import a delegate list</source>
        <translation>Importer une liste de participant·e·s</translation>
    </message>
    <message>
        <source>E&amp;dit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Edit the selected delegate</source>
        <translation>Modifier la fiche sélectionnée</translation>
    </message>
    <message>
        <source>&amp;Cancel registration…</source>
        <translation>&amp;Annuler l’inscription…</translation>
    </message>
    <message>
        <source>Cancel the selected delegate</source>
        <translation>Annuler l’inscription sélectionnée</translation>
    </message>
    <message>
        <source>Re&amp;store registration</source>
        <translation>Ré&amp;tablir l’inscription</translation>
    </message>
    <message>
        <source>Restore the selected delegate</source>
        <translation>Rétablir l’inscription sélectionnée</translation>
    </message>
    <message>
        <source>Loading the roster…</source>
        <translation>Chargement de la liste…</translation>
    </message>
    <message>
        <source>The roster could not be read (%1).</source>
        <translation>La liste n’a pas pu être lue (%1).</translation>
    </message>
    <message>
        <source>Any organisation</source>
        <translation>Toutes les organisations</translation>
    </message>
    <message>
        <source>Any country</source>
        <translation>Tous les pays</translation>
    </message>
    <message>
        <source>No country</source>
        <translation>Sans pays</translation>
    </message>
    <message numerus="yes">
        <source>%n delegate(s)</source>
        <translation>
            <numerusform>%n personne</numerusform>
            <numerusform>%n personnes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n delegate(s) shown</source>
        <translation>
            <numerusform>Affichage&#xa0;: %1 sur %n personne</numerusform>
            <numerusform>Affichage&#xa0;: %1 sur %n personnes</numerusform>
        </translation>
    </message>
    <message>
        <source>This delegate is no longer in the event.</source>
        <translation>Cette personne ne fait plus partie de l’événement.</translation>
    </message>
    <message>
        <source>Not saved: the database refused the change (%1). Try again.</source>
        <translation>Non enregistré&#xa0;: la base de données a refusé la modification (%1). Réessayez.</translation>
    </message>
    <message>
        <source>Nothing changed for %1.</source>
        <translation>Rien n’a changé pour %1.</translation>
    </message>
    <message>
        <source>⚠ Saved %1. Their badge was printed with the old details: reprint it.</source>
        <translation>⚠ %1&#xa0;: enregistré. Son badge a été imprimé avec les anciennes données&#xa0;: réimprimez-le.</translation>
    </message>
    <message>
        <source>✓ Saved %1.</source>
        <translation>✓ %1&#xa0;: enregistré.</translation>
    </message>
    <message>
        <source>Cancel registration</source>
        <translation>Annuler l’inscription</translation>
    </message>
    <message>
        <source>Cancel the registration of %1?</source>
        <translation>Annuler l’inscription de %1&#x202f;?</translation>
    </message>
    <message>
        <source>Their badge will be refused at the desk. Nothing is deleted: their history stays, and the registration can be restored.</source>
        <translation>Son badge sera refusé à l’accueil. Rien n’est supprimé&#xa0;: l’historique est conservé et l’inscription pourra être rétablie.</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message>
        <source>Confirm: cancel the registration</source>
        <translation>Confirmer&#xa0;: annuler l’inscription</translation>
    </message>
    <message>
        <source>Keep the registration</source>
        <translation>Garder l’inscription</translation>
    </message>
    <message>
        <source>✗ Cancelled %1.</source>
        <translation>✗ Inscription de %1 annulée.</translation>
    </message>
    <message>
        <source>✓ Restored %1.</source>
        <translation>✓ Inscription de %1 rétablie.</translation>
    </message>
    <message>
        <source>⚠ Not changed (%1). Try again.</source>
        <translation>⚠ Non modifié (%1). Réessayez.</translation>
    </message>
</context>
<context>
    <name>RosterTableModel</name>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Arrivée</translation>
    </message>
    <message>
        <source>Badge printed</source>
        <translation>Badge imprimé</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé·e</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Inscrit·e</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Pas encore</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>Non imprimé</translation>
    </message>
    <message>
        <source>(no header)</source>
        <translation>(sans en-tête)</translation>
    </message>
    <message>
        <source>Printed %1</source>
        <translation>Imprimé le %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Desk settings</source>
        <translation>Réglages du poste</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>Nom du poste</translation>
    </message>
    <message>
        <source>Check-in mode</source>
        <translation>Mode d’accueil</translation>
    </message>
    <message>
        <source>Key the scanner sends after the code</source>
        <translation>Touche envoyée par le scanner après le code</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulation</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>Play a &amp;sound for each result</source>
        <translation>&amp;Jouer un son pour chaque résultat</translation>
    </message>
    <message>
        <source>Play a sound for each result</source>
        <translation>Jouer un son pour chaque résultat</translation>
    </message>
    <message>
        <source> s</source>
        <translation>&#xa0;s</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>Seconds before the result goes back to Ready (0: never)</source>
        <translation>Secondes avant que le résultat revienne à «&#xa0;Prêt&#xa0;» (0&#xa0;: jamais)</translation>
    </message>
    <message>
        <source>The next person in the queue should not read the previous one&apos;s result</source>
        <translation>La personne suivante dans la file ne doit pas lire le résultat de la précédente</translation>
    </message>
    <message>
        <source>&amp;Print the badge at first check-in</source>
        <translation>&amp;Imprimer le badge au premier enregistrement</translation>
    </message>
    <message>
        <source>Print the badge at first check-in</source>
        <translation>Imprimer le badge au premier enregistrement</translation>
    </message>
    <message>
        <source>For events that print badges on arrival: anyone admitted whose badge was never printed gets one.</source>
        <translation>Pour les événements qui impriment les badges à l’arrivée&#xa0;: toute personne admise dont le badge n’a jamais été imprimé en reçoit un.</translation>
    </message>
    <message>
        <source>Printer for badges on arrival</source>
        <translation>Imprimante pour les badges à l’arrivée</translation>
    </message>
    <message>
        <source>None: make the PDF and offer to print it</source>
        <translation>Aucune&#xa0;: créer le PDF et proposer de l’imprimer</translation>
    </message>
    <message>
        <source>The default printer of this computer</source>
        <translation>L’imprimante par défaut de cet ordinateur</translation>
    </message>
    <message>
        <source>Brother QL label printer, no driver (below)</source>
        <translation>Imprimante d’étiquettes Brother QL, sans pilote (ci-dessous)</translation>
    </message>
    <message>
        <source>Badge template for badges on arrival</source>
        <translation>Modèle de badge pour les badges à l’arrivée</translation>
    </message>
    <message>
        <source>Label printer address</source>
        <translation>Adresse de l’imprimante d’étiquettes</translation>
    </message>
    <message>
        <source>usb://… (found on USB), tcp://HOST for a network printer, or file:///dev/usb/lp0</source>
        <translation>usb://… (trouvée en USB), tcp://HÔTE pour une imprimante réseau, ou file:///dev/usb/lp0</translation>
    </message>
    <message>
        <source>Label printer model</source>
        <translation>Modèle de l’imprimante d’étiquettes</translation>
    </message>
    <message>
        <source>Tape in the label printer</source>
        <translation>Ruban dans l’imprimante d’étiquettes</translation>
    </message>
    <message>
        <source>62 mm continuous (DK-22205)</source>
        <translation>62&#xa0;mm en continu (DK-22205)</translation>
    </message>
    <message>
        <source>62 x 100 mm labels (DK-11202)</source>
        <translation>Étiquettes de 62 x 100&#xa0;mm (DK-11202)</translation>
    </message>
    <message>
        <source>62 mm black and red (DK-22251)</source>
        <translation>62&#xa0;mm noir et rouge (DK-22251)</translation>
    </message>
    <message>
        <source>Chec&amp;k</source>
        <translation>&amp;Vérifier</translation>
    </message>
    <message>
        <source>Ask the label printer how it is</source>
        <translation>Demander son état à l’imprimante d’étiquettes</translation>
    </message>
    <message>
        <source>Label printer status</source>
        <translation>État de l’imprimante d’étiquettes</translation>
    </message>
    <message>
        <source>Asking the printer…</source>
        <translation>Interrogation de l’imprimante…</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Prête.</translation>
    </message>
    <message>
        <source>A lock PIN is set.</source>
        <translation>Un code PIN de verrouillage est défini.</translation>
    </message>
    <message>
        <source>No lock PIN.</source>
        <translation>Pas de code PIN de verrouillage.</translation>
    </message>
    <message>
        <source>New lock PIN</source>
        <translation>Nouveau code PIN de verrouillage</translation>
    </message>
    <message>
        <source>New lock PIN again</source>
        <translation>Nouveau code PIN de verrouillage (confirmation)</translation>
    </message>
    <message>
        <source>4 to 8 digits</source>
        <translation>4 à 8 chiffres</translation>
    </message>
    <message>
        <source>&amp;Remove the lock PIN</source>
        <translation>&amp;Supprimer le code PIN de verrouillage</translation>
    </message>
    <message>
        <source>Remove the lock PIN</source>
        <translation>Supprimer le code PIN de verrouillage</translation>
    </message>
    <message>
        <source>Language of the app</source>
        <translation>Langue de l’application</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>The language changes at the next start.</source>
        <translation>La langue change au prochain démarrage.</translation>
    </message>
    <message>
        <source>Clear the result &amp;after:</source>
        <translation>Effacer le &amp;résultat après&#xa0;:</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>S&amp;tation name:</source>
        <translation>Nom du &amp;poste&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>&amp;Mode&#xa0;:</translation>
    </message>
    <message>
        <source>Scanner &amp;ends codes with:</source>
        <translation>Le scanner &amp;termine les codes par&#xa0;:</translation>
    </message>
    <message>
        <source>Pr&amp;inter:</source>
        <translation>Imprima&amp;nte&#xa0;:</translation>
    </message>
    <message>
        <source>Label p&amp;rinter:</source>
        <translation>Imprimante d’étiq&amp;uettes&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Badge:</source>
        <translation>&amp;Badge&#xa0;:</translation>
    </message>
    <message>
        <source>Lock:</source>
        <translation>Verrouillage&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;New PIN:</source>
        <translation>Nouveau &amp;code PIN&#xa0;:</translation>
    </message>
    <message>
        <source>PIN a&amp;gain:</source>
        <translation>Code PIN (con&amp;firmation)&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>Save the settings</source>
        <translation>Enregistrer les réglages</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>The station needs a name.</source>
        <translation>Le poste doit avoir un nom.</translation>
    </message>
    <message>
        <source>The label printer&apos;s address starts with usb://, tcp:// or file://.</source>
        <translation>L’adresse de l’imprimante d’étiquettes commence par usb://, tcp:// ou file://.</translation>
    </message>
    <message>
        <source>The PIN must be 4 to 8 digits.</source>
        <translation>Le code PIN doit compter 4 à 8 chiffres.</translation>
    </message>
    <message>
        <source>The two PINs are not the same.</source>
        <translation>Les deux codes PIN ne sont pas identiques.</translation>
    </message>
</context>
<context>
    <name>SoundBoard</name>
    <message>
        <source>Sound is not available on this computer (%1).</source>
        <translation>Le son n’est pas disponible sur cet ordinateur (%1).</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <source>Sign-in sheets</source>
        <translation>Feuilles d’émargement</translation>
    </message>
    <message>
        <source>Paper lists for the desks, kept ready in case a laptop dies. Leave the split empty for one list, or give one range of last-name initials per desk, e.g. A-K, L-Z.</source>
        <translation>Des listes papier pour les postes, gardées prêtes au cas où un ordinateur tomberait en panne. Laissez la répartition vide pour une seule liste, ou indiquez une plage d’initiales de nom par poste, p. ex. A-K, L-Z.</translation>
    </message>
    <message>
        <source>Split per desk</source>
        <translation>Répartition par poste</translation>
    </message>
    <message>
        <source>e.g. A-K, L-Z (empty: one list)</source>
        <translation>p. ex. A-K, L-Z (vide&#xa0;: une seule liste)</translation>
    </message>
    <message>
        <source>Problem with the split</source>
        <translation>Problème dans la répartition</translation>
    </message>
    <message>
        <source>&amp;Split per desk:</source>
        <translation>&amp;Répartition par poste&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Choose the file…</source>
        <translation>&amp;Choisir le fichier…</translation>
    </message>
    <message>
        <source>Choose where to save the sign-in sheets</source>
        <translation>Choisir où enregistrer les feuilles d’émargement</translation>
    </message>
</context>
<context>
    <name>TemplateBox</name>
    <message>
        <source>Badge template</source>
        <translation>Modèle de badge</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>Badges by e-mail</source>
        <translation>Badges par e-mail</translation>
    </message>
    <message>
        <source>One badge PDF and one QR code image per registered delegate, named by reference, and mailmerge.csv for your mail program. checkin sends no e-mail itself.</source>
        <translation>Un PDF de badge et une image de code QR par personne inscrite, nommés d’après la référence, et mailmerge.csv pour votre messagerie. checkin n’envoie lui-même aucun e-mail.</translation>
    </message>
    <message>
        <source>Badge template</source>
        <translation>Modèle de badge</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Modèle&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Choose the folder…</source>
        <translation>&amp;Choisir le dossier…</translation>
    </message>
    <message>
        <source>Choose the folder for the badges</source>
        <translation>Choisir le dossier pour les badges</translation>
    </message>
</context>
<context>
    <name>TypeScreen</name>
    <message>
        <source>Find your registration</source>
        <translation>Retrouvez votre inscription</translation>
    </message>
    <message>
        <source>Type your name or your e-mail address</source>
        <translation>Tapez votre nom ou votre adresse e-mail</translation>
    </message>
    <message>
        <source>Your name or e-mail</source>
        <translation>Votre nom ou votre e-mail</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>One more detail</source>
        <translation>Encore un détail</translation>
    </message>
    <message>
        <source>To protect your privacy, type the name of your organisation or the first letters of your e-mail address</source>
        <translation>Pour protéger vos données, tapez le nom de votre organisation ou les premières lettres de votre adresse e-mail</translation>
    </message>
    <message>
        <source>Your organisation or the start of your e-mail</source>
        <translation>Votre organisation ou le début de votre e-mail</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmer</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock the desk</source>
        <translation>Déverrouiller le poste</translation>
    </message>
    <message>
        <source>Type the lock PIN to reach the settings and the other pages.</source>
        <translation>Tapez le code PIN de verrouillage pour accéder aux réglages et aux autres pages.</translation>
    </message>
    <message>
        <source>Lock PIN</source>
        <translation>Code PIN de verrouillage</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>Code &amp;PIN&#xa0;:</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation>
            <numerusform>Trop de codes PIN erronés. Réessayez dans %n seconde.</numerusform>
            <numerusform>Trop de codes PIN erronés. Réessayez dans %n secondes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n attempt(s) left before a %1-second wait.</source>
        <translation>
            <numerusform>Code PIN erroné. Encore %n essai avant une attente de %1 secondes.</numerusform>
            <numerusform>Code PIN erroné. Encore %n essais avant une attente de %1 secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>You can try again.</source>
        <translation>Vous pouvez réessayer.</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <source>Walk-in registration</source>
        <translation>Inscription sur place</translation>
    </message>
    <message>
        <source>&amp;Print the badge now</source>
        <translation>&amp;Imprimer le badge maintenant</translation>
    </message>
    <message>
        <source>Print the badge now</source>
        <translation>Imprimer le badge maintenant</translation>
    </message>
    <message>
        <source>Badge template</source>
        <translation>Modèle de badge</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Modèle&#xa0;:</translation>
    </message>
    <message>
        <source>C&amp;heck this person in</source>
        <translation>En&amp;registrer l’arrivée de cette personne</translation>
    </message>
    <message>
        <source>Check this person in</source>
        <translation>Enregistrer l’arrivée de cette personne</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>Ins&amp;crire</translation>
    </message>
    <message>
        <source>Register and check in</source>
        <translation>Inscrire et enregistrer l’arrivée</translation>
    </message>
    <message>
        <source>Cancel the walk-in</source>
        <translation>Annuler l’inscription sur place</translation>
    </message>
    <message>
        <source>Someone not on the list: register them, check them in and print a badge.</source>
        <translation>Une personne absente de la liste&#xa0;: inscrivez-la, enregistrez son arrivée et imprimez un badge.</translation>
    </message>
    <message>
        <source>Already registered: %1, ref %2</source>
        <translation>Déjà inscrit·e&#xa0;: %1, réf. %2</translation>
    </message>
</context>
<context>
    <name>WatchDialog</name>
    <message>
        <source>Watch list</source>
        <translation>Liste de suivi</translation>
    </message>
    <message>
        <source>Choose the watch list</source>
        <translation>Choisir la liste de suivi</translation>
    </message>
    <message>
        <source>The dashboard alerts you when someone on the watch list arrives. Watch whole categories, or people by name.</source>
        <translation>Le tableau de bord vous alerte quand une personne de la liste de suivi arrive. Suivez des catégories entières, ou des personnes par leur nom.</translation>
    </message>
    <message>
        <source>Speakers and VIPs</source>
        <translation>Intervenant·es et VIP</translation>
    </message>
    <message>
        <source>Back to the default: speakers and VIPs</source>
        <translation>Revenir au choix par défaut&#xa0;: intervenant·es et VIP</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Catégories</translation>
    </message>
    <message>
        <source>Categories to watch</source>
        <translation>Catégories à suivre</translation>
    </message>
    <message>
        <source>Watch every %1</source>
        <translation>Suivre chaque %1</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Name, organisation or badge number</source>
        <translation>Nom, organisation ou numéro de badge</translation>
    </message>
    <message>
        <source>Find a person to watch</source>
        <translation>Trouver une personne à suivre</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Chercher&#xa0;:</translation>
    </message>
    <message>
        <source>People found</source>
        <translation>Personnes trouvées</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>Add the selected person to the watch list</source>
        <translation>Ajouter la personne choisie à la liste de suivi</translation>
    </message>
    <message>
        <source>People watched</source>
        <translation>Personnes suivies</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Remove the selected person from the watch list</source>
        <translation>Retirer la personne choisie de la liste de suivi</translation>
    </message>
    <message>
        <source>Reading the watch list…</source>
        <translation>Lecture de la liste de suivi…</translation>
    </message>
    <message>
        <source>Could not read the watch list: %1</source>
        <translation>Impossible de lire la liste de suivi&#xa0;: %1</translation>
    </message>
    <message>
        <source>Badge nº %1</source>
        <translation>Badge nº&#xa0;%1</translation>
    </message>
    <message>
        <source>No one found</source>
        <translation>Aucun résultat</translation>
    </message>
    <message>
        <source>Added: %1</source>
        <translation>Ajouté·e&#xa0;: %1</translation>
    </message>
    <message>
        <source>Removed: %1</source>
        <translation>Retiré·e&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <source>Hold the QR code from your e-mail under the scanner</source>
        <translation>Présentez le code QR reçu par e-mail sous le lecteur</translation>
    </message>
    <message>
        <source>or</source>
        <translation>ou</translation>
    </message>
    <message>
        <source>Find me by name or e-mail</source>
        <translation>Me retrouver par nom ou e-mail</translation>
    </message>
</context>
<context>
    <name>WhoBox</name>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>&amp;All registered</source>
        <translation>&amp;Toutes les personnes inscrites</translation>
    </message>
    <message>
        <source>&amp;Not yet printed</source>
        <translation>&amp;Pas encore imprimés</translation>
    </message>
    <message>
        <source>C&amp;hosen people</source>
        <translation>Personnes &amp;choisies</translation>
    </message>
    <message>
        <source>Filter people by name or organisation</source>
        <translation>Filtrer les personnes par nom ou organisation</translation>
    </message>
    <message>
        <source>Filter: name, organisation, reference</source>
        <translation>Filtre&#xa0;: nom, organisation, référence</translation>
    </message>
    <message>
        <source>People: tick those to print (chooses “Chosen people”)</source>
        <translation>Personnes&#xa0;: cochez celles à imprimer (sélectionne «&#xa0;Personnes choisies&#xa0;»)</translation>
    </message>
    <message>
        <source>Registered: %1. Printed: %2. Not yet printed: %3.</source>
        <translation>Inscrit·e·s&#xa0;: %1. Imprimés&#xa0;: %2. Pas encore imprimés&#xa0;: %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) ticked.</source>
        <translation>
            <numerusform>%n personne cochée.</numerusform>
            <numerusform>%n personnes cochées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_CapacityDelegate</name>
    <message>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <source>Capacity (0 = no limit)</source>
        <translation>Capacité (0 = sans limite)</translation>
    </message>
</context>
</TS>
