#include <QApplication>
#include <QCommandLineParser>
#include <QQmlApplicationEngine>
#include <QTimer>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Waypoint"));
    QCoreApplication::setOrganizationName(QStringLiteral("Waypoint"));

    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption selfTest(QStringLiteral("self-test"),
                                QStringLiteral("Start, show the first screen, quit."));
    parser.addOption(selfTest);
    parser.process(app);

    QQmlApplicationEngine engine;
    engine.loadData(QByteArrayLiteral(
        "import QtQuick\nimport QtQuick.Controls\nApplicationWindow { visible: true; width: 360; "
        "height: 780; title: \"Waypoint\"; Label { anchors.centerIn: parent; text: \"Waypoint\" } "
        "}"));
    if (engine.rootObjects().isEmpty())
        return 1;
    if (parser.isSet(selfTest))
        QTimer::singleShot(0, &app, &QCoreApplication::quit);
    return app.exec();
}
