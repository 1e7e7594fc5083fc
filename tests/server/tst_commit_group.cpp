// CommitGroup: what each pushing request sees. A push alone is applied at once by its own
// thread; pushes arriving while a group of their organisation is being applied wait and go
// together in the next one, oldest first, never more than the largest group; nobody returns
// before their push is; another organisation's pushes do not wait for that group.

#include "CommitGroup.h"

#include <QTest>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

using wp::server::CommitGroup;

namespace {

struct Job
{
    int id = 0;
    bool applied = false;
    std::thread::id appliedBy;
};

// The serving side: records every group; the first one can be held open until released, so
// that others arrive while it is being applied.
struct Server
{
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<std::vector<int>> groups;
    bool holdFirst = false, held = false, released = false;

    void serve(const std::vector<Job *> &group)
    {
        std::unique_lock lock(mutex);
        std::vector<int> ids;
        for (Job *j : group)
            ids.push_back(j->id);
        groups.push_back(ids);
        if (holdFirst && groups.size() == 1) {
            held = true;
            changed.notify_all();
            changed.wait(lock, [&] { return released; });
        }
        for (Job *j : group) {
            j->applied = true;
            j->appliedBy = std::this_thread::get_id();
        }
    }
};

} // namespace

class TestCommitGroup : public QObject
{
    Q_OBJECT

private slots:
    void aPushAloneIsAppliedAtOnceByItsOwnThread()
    {
        Server server;
        CommitGroup<int, Job> commits(32, [&](const auto &g) { server.serve(g); });
        Job job;
        job.id = 1;
        commits.submit(7, job);
        QVERIFY(job.applied);
        QCOMPARE(job.appliedBy, std::this_thread::get_id());
        QCOMPARE(server.groups, (std::vector<std::vector<int>>{{1}}));
    }

    void pushesArrivingDuringACommitGoTogetherOldestFirst()
    {
        Server server;
        server.holdFirst = true;
        CommitGroup<int, Job> commits(3, [&](const auto &g) { server.serve(g); });
        std::vector<Job> jobs(8);
        for (int i = 0; i < 8; ++i)
            jobs[std::size_t(i)].id = i;
        std::atomic<int> returned{0};
        std::vector<std::thread> threads;
        const auto push = [&](int i) {
            threads.emplace_back([&, i] {
                commits.submit(7, jobs[std::size_t(i)]);
                if (jobs[std::size_t(i)].applied) // never back before it is applied
                    ++returned;
            });
        };
        push(0);
        {
            std::unique_lock lock(server.mutex);
            server.changed.wait(lock, [&] { return server.held; });
        }
        // Seven more arrive, one after the other, while the first is being applied.
        for (int i = 1; i < 8; ++i) {
            push(i);
            QTRY_COMPARE(commits.waiting(), std::size_t(i));
        }
        QCOMPARE(returned.load(), 0);
        {
            std::lock_guard lock(server.mutex);
            server.released = true;
        }
        server.changed.notify_all();
        for (auto &t : threads)
            t.join();
        QCOMPARE(returned.load(), 8);
        // Groups of at most 3, in the order the pushes came.
        QCOMPARE(server.groups, (std::vector<std::vector<int>>{{0}, {1, 2, 3}, {4, 5, 6}, {7}}));
    }

    void anotherOrganisationDoesNotWaitForAGroup()
    {
        Server server;
        server.holdFirst = true;
        CommitGroup<int, Job> commits(32, [&](const auto &g) { server.serve(g); });
        Job held, sameOrg, otherOrg;
        held.id = 1;
        sameOrg.id = 2;
        otherOrg.id = 3;
        std::thread first([&] { commits.submit(7, held); });
        {
            std::unique_lock lock(server.mutex);
            server.changed.wait(lock, [&] { return server.held; });
        }
        std::thread second([&] { commits.submit(7, sameOrg); });
        QTRY_COMPARE(commits.waiting(), std::size_t(1));
        // Organisation 8 is applied at once, by its own thread, while 7's group is held.
        commits.submit(8, otherOrg);
        QVERIFY(otherOrg.applied);
        QCOMPARE(otherOrg.appliedBy, std::this_thread::get_id());
        QVERIFY(!held.applied);
        QVERIFY(!sameOrg.applied);
        {
            std::lock_guard lock(server.mutex);
            server.released = true;
        }
        server.changed.notify_all();
        first.join();
        second.join();
        QVERIFY(held.applied && sameOrg.applied);
        QCOMPARE(server.groups, (std::vector<std::vector<int>>{{1}, {3}, {2}}));
        QCOMPARE(commits.waiting(), std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestCommitGroup)
#include "tst_commit_group.moc"
