<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ConferenceEditor</name>
    <message numerus="yes">
        <source>%n problem(s) to fix before saving.</source>
        <translation>
            <numerusform>%n problem to fix before saving.</numerusform>
            <numerusform>%n problems to fix before saving.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConferenceListPage</name>
    <message numerus="yes">
        <source>Quarter %n</source>
        <translation>
            <numerusform>Quarter %n</numerusform>
            <numerusform>Quarter %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message numerus="yes">
        <source>… and %n more problems.</source>
        <translation>
            <numerusform>… and %n more problem.</numerusform>
            <numerusform>… and %n more problems.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FromTextDialog</name>
    <message numerus="yes">
        <source>The text was typed in an old %1 font: %n letter(s) converted to Unicode. Check the names before creating the conference.</source>
        <translation>
            <numerusform>The text was typed in an old %1 font: %n letter converted to Unicode. Check the names before creating the conference.</numerusform>
            <numerusform>The text was typed in an old %1 font: %n letters converted to Unicode. Check the names before creating the conference.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message numerus="yes">
        <source>Not in the chart: %n other unit(s): %1</source>
        <translation>
            <numerusform>Not in the chart: %n other unit: %1</numerusform>
            <numerusform>Not in the chart: %n other units: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message numerus="yes">
        <source>%n task(s) overdue</source>
        <translation>
            <numerusform>%n task overdue</numerusform>
            <numerusform>%n tasks overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due within 7 days</source>
        <translation>
            <numerusform>%n due within 7 days</numerusform>
            <numerusform>%n due within 7 days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskActionDialog</name>
    <message numerus="yes">
        <source>%n task(s) selected.</source>
        <translation>
            <numerusform>%n task selected.</numerusform>
            <numerusform>%n tasks selected.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskActions</name>
    <message numerus="yes">
        <source>Progress noted on %n task(s).</source>
        <translation>
            <numerusform>Progress noted on %n task.</numerusform>
            <numerusform>Progress noted on %n tasks.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) extended to %1.</source>
        <translation>
            <numerusform>%n task extended to %1.</numerusform>
            <numerusform>%n tasks extended to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) marked as done on %1.</source>
        <translation>
            <numerusform>%n task marked as done on %1.</numerusform>
            <numerusform>%n tasks marked as done on %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) reopened.</source>
        <translation>
            <numerusform>%n task reopened.</numerusform>
            <numerusform>%n tasks reopened.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) cancelled.</source>
        <translation>
            <numerusform>%n task cancelled.</numerusform>
            <numerusform>%n tasks cancelled.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskRegisterPage</name>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrashActions</name>
    <message numerus="yes">
        <source>Move %n conference(s) to the trash? They can be restored from Edit → Trash.</source>
        <translation>
            <numerusform>Move %n conference to the trash? It can be restored from Edit → Trash.</numerusform>
            <numerusform>Move %n conferences to the trash? They can be restored from Edit → Trash.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message numerus="yes">
        <source>Delete %n conference(s) for good, with their instructions and tasks? This cannot be undone.</source>
        <translation>
            <numerusform>Delete %n conference for good, with its instructions and tasks? This cannot be undone.</numerusform>
            <numerusform>Delete %n conferences for good, with their instructions and tasks? This cannot be undone.</numerusform>
        </translation>
    </message>
</context>
</TS>
