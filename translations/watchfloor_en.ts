<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>wf::AckDialog</name>
    <message numerus="yes">
        <source>Alerts to acknowledge: %n. Each becomes a silence in Alertmanager.</source>
        <translation>
            <numerusform>Alerts to acknowledge: %n. Each becomes a silence in Alertmanager.</numerusform>
            <numerusform>Alerts to acknowledge: %n. Each becomes a silence in Alertmanager.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::AlertInbox</name>
    <message numerus="yes">
        <source>Alertmanager has not answered for %n s.</source>
        <translation>
            <numerusform>Alertmanager has not answered for %n s.</numerusform>
            <numerusform>Alertmanager has not answered for %n s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::AlertNotifier</name>
    <message numerus="yes">
        <source>%n alerts firing</source>
        <translation>
            <numerusform>%n alert firing</numerusform>
            <numerusform>%n alerts firing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::AlertTray</name>
    <message numerus="yes">
        <source>Watchfloor: alerts firing: %n</source>
        <translation>
            <numerusform>Watchfloor: alerts firing: %n</numerusform>
            <numerusform>Watchfloor: alerts firing: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::AlertmanagerCluster</name>
    <message numerus="yes">
        <source>None of the %n Alertmanager peers answered: %1</source>
        <translation>
            <numerusform>None of the %n Alertmanager peers answered: %1</numerusform>
            <numerusform>None of the %n Alertmanager peers answered: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n peers of the cluster answer.</source>
        <translation>
            <numerusform>All %n peers of the cluster answer.</numerusform>
            <numerusform>All %n peers of the cluster answer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %n Alertmanager peers took it: %1</source>
        <translation>
            <numerusform>None of the %n Alertmanager peers took it: %1</numerusform>
            <numerusform>None of the %n Alertmanager peers took it: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::AlertsView</name>
    <message numerus="yes">
        <source>%n active</source>
        <translation>
            <numerusform>%n active</numerusform>
            <numerusform>%n active</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n pending</source>
        <translation>
            <numerusform>, %n pending</numerusform>
            <numerusform>, %n pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n expired</source>
        <translation>
            <numerusform>, %n expired</numerusform>
            <numerusform>, %n expired</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n firing, updated %1</source>
        <translation>
            <numerusform>%n firing, updated %1</numerusform>
            <numerusform>%n firing, updated %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None shown: %n alert(s) hidden by the filter or the buttons above.</source>
        <translation>
            <numerusform>None shown: %n alert hidden by the filter or the buttons above.</numerusform>
            <numerusform>None shown: %n alerts hidden by the filter or the buttons above.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No active or pending silence. %n expired, hidden: tick &quot;Show expired&quot; to see them.</source>
        <translation>
            <numerusform>No active or pending silence. %n expired, hidden: tick &quot;Show expired&quot; to see them.</numerusform>
            <numerusform>No active or pending silence. %n expired, hidden: tick &quot;Show expired&quot; to see them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::DashboardView</name>
    <message numerus="yes">
        <source>Prometheus is not answering: %1 Next try in %n s.</source>
        <translation>
            <numerusform>Prometheus is not answering: %1 Next try in %n s.</numerusform>
            <numerusform>Prometheus is not answering: %1 Next try in %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No answer from Loki for %n s</source>
        <translation>
            <numerusform>No answer from Loki for %n s</numerusform>
            <numerusform>No answer from Loki for %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No answer from Prometheus for %n s</source>
        <translation>
            <numerusform>No answer from Prometheus for %n s</numerusform>
            <numerusform>No answer from Prometheus for %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::ExploreView</name>
    <message numerus="yes">
        <source>%n series</source>
        <translation>
            <numerusform>%n series</numerusform>
            <numerusform>%n series</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n series (the first %1 shown)</source>
        <translation>
            <numerusform>%n series (the first %1 shown)</numerusform>
            <numerusform>%n series (the first %1 shown)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::LogModel</name>
    <message numerus="yes">
        <source>— Loki dropped lines here: %n —</source>
        <translation>
            <numerusform>— Loki dropped lines here: %n —</numerusform>
            <numerusform>— Loki dropped lines here: %n —</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::LogsView</name>
    <message numerus="yes">
        <source>Asking Loki… no answer for %n s</source>
        <translation>
            <numerusform>Asking Loki… no answer for %n s</numerusform>
            <numerusform>Asking Loki… no answer for %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loki could not deliver %n lines here (the tail fell behind).</source>
        <translation>
            <numerusform>Loki could not deliver %n line here (the tail fell behind).</numerusform>
            <numerusform>Loki could not deliver %n lines here (the tail fell behind).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %n line(s) matches the filter or the levels shown.</source>
        <translation>
            <numerusform>The %n line does not match the filter or the levels shown.</numerusform>
            <numerusform>None of the %n lines matches the filter or the levels shown.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::MainWindow</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Endpoints unreachable: %n — hover the status lights for details.</source>
        <translation>
            <numerusform>Endpoints unreachable: %n — hover the status lights for details.</numerusform>
            <numerusform>Endpoints unreachable: %n — hover the status lights for details.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::PanelFrame</name>
    <message numerus="yes">
        <source>%n point(s) filled in from the replica %1: the one that answered has a hole there (it was down).</source>
        <translation>
            <numerusform>%n point filled in from the replica %1: the one that answered has a hole there (it was down).</numerusform>
            <numerusform>%n points filled in from the replica %1: the one that answered has a hole there (it was down).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The chart ends %n second(s) before now: VictoriaMetrics shows points that new later (its -search.latencyOffset). The values shown as now are current.</source>
        <translation>
            <numerusform>The chart ends %n second before now: VictoriaMetrics shows points that new later (its -search.latencyOffset). The values shown as now are current.</numerusform>
            <numerusform>The chart ends %n seconds before now: VictoriaMetrics shows points that new later (its -search.latencyOffset). The values shown as now are current.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::QueryScheduler</name>
    <message numerus="yes">
        <source>%1 Next try in %n s.</source>
        <translation>
            <numerusform>%1 Next try in %n s.</numerusform>
            <numerusform>%1 Next try in %n s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::ReportDocument</name>
    <message numerus="yes">
        <source>%n alert(s) fired. Acknowledged: %1. Mean time to acknowledge: %2. Mean time to resolve: %3.</source>
        <translation>
            <numerusform>%n alert fired. Acknowledged: %1. Mean time to acknowledge: %2. Mean time to resolve: %3.</numerusform>
            <numerusform>%n alerts fired. Acknowledged: %1. Mean time to acknowledge: %2. Mean time to resolve: %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) fired. Mean time to resolve: %1. Acknowledgements not known: no Alertmanager was asked.</source>
        <translation>
            <numerusform>%n alert fired. Mean time to resolve: %1. Acknowledgements not known: no Alertmanager was asked.</numerusform>
            <numerusform>%n alerts fired. Mean time to resolve: %1. Acknowledgements not known: no Alertmanager was asked.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::RunbooksView</name>
    <message numerus="yes">
        <source>Remote content was not loaded: runbooks never fetch it. Blocked: %n</source>
        <translation>
            <numerusform>Remote content was not loaded: runbooks never fetch it. Blocked: %n</numerusform>
            <numerusform>Remote content was not loaded: runbooks never fetch it. Blocked: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more series</source>
        <translation>
            <numerusform>… and %n more series</numerusform>
            <numerusform>… and %n more series</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::SilenceDialog</name>
    <message numerus="yes">
        <source>Alerts it matches now: %n.</source>
        <translation>
            <numerusform>Alerts it matches now: %n.</numerusform>
            <numerusform>Alerts it matches now: %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::StatPanel</name>
    <message numerus="yes">
        <source>From Prometheus, evaluated %1 (scraped every %n s).</source>
        <translation>
            <numerusform>From Prometheus, evaluated %1 (scraped every %n s).</numerusform>
            <numerusform>From Prometheus, evaluated %1 (scraped every %n s).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::TablePanel</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::WallBanner</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::WeeklyReportDialog</name>
    <message numerus="yes">
        <source>%1: %n page(s). Save it as PDF, HTML or JSON.</source>
        <translation>
            <numerusform>%1: %n page. Save it as PDF, HTML or JSON.</numerusform>
            <numerusform>%1: %n pages. Save it as PDF, HTML or JSON.</numerusform>
        </translation>
    </message>
</context>
</TS>
