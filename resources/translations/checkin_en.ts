<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AccreditationTab</name>
    <message numerus="yes">
        <source>Open no&amp;tes of people here: %n</source>
        <translation>
            <numerusform>Open no&amp;tes of people here: %n</numerusform>
            <numerusform>Open no&amp;tes of people here: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Still holding an item (end of day): %n</source>
        <translation>
            <numerusform>&amp;Still holding an item (end of day): %n</numerusform>
            <numerusform>&amp;Still holding an item (end of day): %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved: %n row(s)</source>
        <translation>
            <numerusform>Saved: %n row</numerusform>
            <numerusform>Saved: %n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BadgesPage</name>
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
    <message numerus="yes">
        <source>%n old badge(s) revoked.</source>
        <translation>
            <numerusform>%n old badge revoked.</numerusform>
            <numerusform>%n old badges revoked.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message numerus="yes">
        <source>%n row(s) read: %2 with errors (listed below), %3 without. Correct the file and choose it again, or skip the rows with errors.</source>
        <translation>
            <numerusform>%n row read: %2 with errors (listed below), %3 without. Correct the file and choose it again, or skip the rows with errors.</numerusform>
            <numerusform>%n rows read: %2 with errors (listed below), %3 without. Correct the file and choose it again, or skip the rows with errors.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✓ %n row(s) read, no problems.</source>
        <translation>
            <numerusform>✓ %n row read, no problems.</numerusform>
            <numerusform>✓ %n rows read, no problems.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message numerus="yes">
        <source>Within capacity: %n seat(s) free</source>
        <translation>
            <numerusform>Within capacity: %n seat free</numerusform>
            <numerusform>Within capacity: %n seats free</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Near capacity: only %n seat(s) free</source>
        <translation>
            <numerusform>Near capacity: only %n seat free</numerusform>
            <numerusform>Near capacity: only %n seats free</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n cancelled</numerusform>
            <numerusform>%n cancelled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate scan(s)</source>
        <translation>
            <numerusform>%n duplicate scan</numerusform>
            <numerusform>%n duplicate scans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n registered person(s) have not arrived yet.</source>
        <translation>
            <numerusform>%n registered person has not arrived yet.</numerusform>
            <numerusform>%n registered people have not arrived yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) chosen by name</source>
        <translation>
            <numerusform>%n person chosen by name</numerusform>
            <numerusform>%n people chosen by name</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Call list saved: %n person(s)</source>
        <translation>
            <numerusform>Call list saved: %n person</numerusform>
            <numerusform>Call list saved: %n people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeskPage</name>
    <message numerus="yes">
        <source>%n check-in(s) waiting.</source>
        <translation>
            <numerusform>%n check-in waiting.</numerusform>
            <numerusform>%n check-ins waiting.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message numerus="yes">
        <source>%1. Header in row %2; %n delegate row(s). The first rows:</source>
        <translation>
            <numerusform>%1. Header in row %2; %n delegate row. The first rows:</numerusform>
            <numerusform>%1. Header in row %2; %n delegate rows. The first rows:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KioskController</name>
    <message numerus="yes">
        <source>Staff: the printer needs attention (%n badge(s) waiting).</source>
        <translation>
            <numerusform>Staff: the printer needs attention (%n badge waiting).</numerusform>
            <numerusform>Staff: the printer needs attention (%n badges waiting).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many wrong PINs. Try again in %n second.</numerusform>
            <numerusform>Too many wrong PINs. Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n attempt(s) left.</source>
        <translation>
            <numerusform>Wrong PIN. %n attempt left.</numerusform>
            <numerusform>Wrong PIN. %n attempts left.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message numerus="yes">
        <source>%n row(s) can be imported, %1 with errors.</source>
        <translation>
            <numerusform>%n row can be imported, %1 with errors.</numerusform>
            <numerusform>%n rows can be imported, %1 with errors.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message numerus="yes">
        <source>Back online: %n person(s) checked in twice.</source>
        <translation>
            <numerusform>Back online: %n person checked in twice.</numerusform>
            <numerusform>Back online: %n people checked in twice.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Back online: %n change(s) made offline need a look.</source>
        <translation>
            <numerusform>Back online: %n change made offline needs a look.</numerusform>
            <numerusform>Back online: %n changes made offline need a look.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrganiserMenu</name>
    <message numerus="yes">
        <source>Attendance of %n delegate(s) written to:
%2</source>
        <translation>
            <numerusform>Attendance of %n delegate written to:
%2</numerusform>
            <numerusform>Attendance of %n delegates written to:
%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n badge(s) (a PDF and a QR code image each) and the list for your mail program written to:
%2</source>
        <translation>
            <numerusform>%n badge (a PDF and a QR code image each) and the list for your mail program written to:
%2</numerusform>
            <numerusform>%n badges (a PDF and a QR code image each) and the list for your mail program written to:
%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled registration(s) skipped.</source>
        <translation>
            <numerusform>%n cancelled registration skipped.</numerusform>
            <numerusform>%n cancelled registrations skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n older backup(s) removed by the rotation.</source>
        <translation>
            <numerusform>%n older backup removed by the rotation.</numerusform>
            <numerusform>%n older backups removed by the rotation.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaperDialog</name>
    <message numerus="yes">
        <source>%n to record</source>
        <translation>
            <numerusform>%n to record</numerusform>
            <numerusform>%n to record</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already checked in</source>
        <translation>
            <numerusform>%n already checked in</numerusform>
            <numerusform>%n already checked in</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unknown (skipped)</source>
        <translation>
            <numerusform>%n unknown (skipped)</numerusform>
            <numerusform>%n unknown (skipped)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled (skipped)</source>
        <translation>
            <numerusform>%n cancelled (skipped)</numerusform>
            <numerusform>%n cancelled (skipped)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Record %n arrival(s)</source>
        <translation>
            <numerusform>&amp;Record %n arrival</numerusform>
            <numerusform>&amp;Record %n arrivals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✓ Recorded %n arrival(s) to %1 at %2 (%3).</source>
        <translation>
            <numerusform>✓ Recorded %n arrival to %1 at %2 (%3).</numerusform>
            <numerusform>✓ Recorded %n arrivals to %1 at %2 (%3).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already checked in, left as they were.</source>
        <translation>
            <numerusform>%n already checked in, left as they were.</numerusform>
            <numerusform>%n already checked in, left as they were.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoImport</name>
    <message numerus="yes">
        <source>%n photo(s) stored.</source>
        <translation>
            <numerusform>%n photo stored.</numerusform>
            <numerusform>%n photos stored.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintLogDialog</name>
    <message numerus="yes">
        <source>%n badge print(s) recorded.</source>
        <translation>
            <numerusform>%n badge print recorded.</numerusform>
            <numerusform>%n badge prints recorded.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsBox</name>
    <message numerus="yes">
        <source>%n badge(s) with a problem. Press Enter on one to fix it.</source>
        <translation>
            <numerusform>%n badge with a problem. Press Enter on one to fix it.</numerusform>
            <numerusform>%n badges with a problem. Press Enter on one to fix it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsList</name>
    <message numerus="yes">
        <source>No photo for %n person(s): %1</source>
        <translation>
            <numerusform>No photo for %n person: %1</numerusform>
            <numerusform>No photo for %n people: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PurgeDialog</name>
    <message numerus="yes">
        <source>%n delegate(s)</source>
        <translation>
            <numerusform>%n delegate</numerusform>
            <numerusform>%n delegates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n journal row(s)</source>
        <translation>
            <numerusform>%n journal row</numerusform>
            <numerusform>%n journal rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) deleted</source>
        <translation>
            <numerusform>%n backup deleted</numerusform>
            <numerusform>%n backups deleted</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReprintDialog</name>
    <message numerus="yes">
        <source>⚠ Reprinting %n badge(s) revokes the badge these people hold now: it will be refused at the door (“revoked”). Only their new badge will work.</source>
        <translation>
            <numerusform>⚠ Reprinting %n badge revokes the badge this person holds now: it will be refused at the door (“revoked”). Only the new badge will work.</numerusform>
            <numerusform>⚠ Reprinting %n badges revokes the badge these people hold now: it will be refused at the door (“revoked”). Only their new badge will work.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message numerus="yes">
        <source>%n delegate(s)</source>
        <translation>
            <numerusform>%n delegate</numerusform>
            <numerusform>%n delegates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n delegate(s) shown</source>
        <translation>
            <numerusform>%1 of %n delegate shown</numerusform>
            <numerusform>%1 of %n delegates shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many wrong PINs. Try again in %n second.</numerusform>
            <numerusform>Too many wrong PINs. Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n attempt(s) left before a %1-second wait.</source>
        <translation>
            <numerusform>Wrong PIN. %n attempt left before a %1-second wait.</numerusform>
            <numerusform>Wrong PIN. %n attempts left before a %1-second wait.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WhoBox</name>
    <message numerus="yes">
        <source>%n person(s) ticked.</source>
        <translation>
            <numerusform>%n person ticked.</numerusform>
            <numerusform>%n people ticked.</numerusform>
        </translation>
    </message>
</context>
</TS>
