// SPDX-License-Identifier: GPL-3.0-or-later
// CommitGroup: what each pushing request sees. A push alone is applied at once by its own
// thread; pushes arriving while a group of their organisation is being applied do not hold
// their threads, and go together in the serving thread's next group, oldest first, never more
// than the largest group; nobody is told before their push is applied, and everybody is told
// once; another organisation's pushes do not wait for that group.

#include "CommitGroup.h"

#include <QTest>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>

using wp::server::CommitGroup;

namespace {

struct Job
{
    int id = 0;
    bool applied = false;
    std::thread::id appliedBy;
    std::atomic<int> told = 0;           // continuations called
    std::atomic<bool> toldEarly = false; // told before it was applied
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

    void waitUntilHeld()
    {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return held; });
    }

    void release()
    {
        {
            std::lock_guard lock(mutex);
            released = true;
        }
        changed.notify_all();
    }
};

// What a submitter asks to be told: the job is applied by then.
std::function<void()> tell(Job &job)
{
    return [&job] {
        if (!job.applied)
            job.toldEarly = true;
        ++job.told;
    };
}

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
        commits.submit(7, job, tell(job));
        QVERIFY(job.applied);
        QCOMPARE(job.told.load(), 1);
        QCOMPARE(job.appliedBy, std::this_thread::get_id());
        QCOMPARE(server.groups, (std::vector<std::vector<int>>{{1}}));
        QCOMPARE(commits.waiting(), std::size_t(0));
    }

    void pushesArrivingDuringACommitGoTogetherOldestFirst()
    {
        Server server;
        server.holdFirst = true;
        CommitGroup<int, Job> commits(3, [&](const auto &g) { server.serve(g); });
        std::vector<Job> jobs(8);
        for (int i = 0; i < 8; ++i)
            jobs[std::size_t(i)].id = i;
        std::thread first([&] { commits.submit(7, jobs[0], tell(jobs[0])); });
        server.waitUntilHeld();
        // Seven more arrive, one after the other, while the first is being applied: each
        // submitter gets its thread back at once, its push not yet applied nor told.
        for (std::size_t i = 1; i < 8; ++i) {
            commits.submit(7, jobs[i], tell(jobs[i]));
            QCOMPARE(commits.waiting(), i);
            QVERIFY(!jobs[i].applied);
        }
        for (const Job &j : jobs)
            QCOMPARE(j.told.load(), 0);
        server.release();
        // The serving thread applies the queue too before it returns.
        first.join();
        for (const Job &j : jobs) {
            QVERIFY(j.applied);
            QCOMPARE(j.appliedBy, jobs[0].appliedBy);
            QCOMPARE(j.told.load(), 1);
            QVERIFY(!j.toldEarly);
        }
        // Groups of at most 3, in the order the pushes came.
        QCOMPARE(server.groups, (std::vector<std::vector<int>>{{0}, {1, 2, 3}, {4, 5, 6}, {7}}));
        QCOMPARE(commits.waiting(), std::size_t(0));
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
        std::thread first([&] { commits.submit(7, held, tell(held)); });
        server.waitUntilHeld();
        commits.submit(7, sameOrg, tell(sameOrg));
        QCOMPARE(commits.waiting(), std::size_t(1));
        // Organisation 8 is applied at once, by its own thread, while 7's group is held.
        commits.submit(8, otherOrg, tell(otherOrg));
        QVERIFY(otherOrg.applied);
        QCOMPARE(otherOrg.told.load(), 1);
        QCOMPARE(otherOrg.appliedBy, std::this_thread::get_id());
        QVERIFY(!held.applied);
        QVERIFY(!sameOrg.applied);
        server.release();
        first.join();
        QVERIFY(held.applied && sameOrg.applied);
        QCOMPARE(held.told.load() + sameOrg.told.load(), 2);
        QCOMPARE(server.groups, (std::vector<std::vector<int>>{{1}, {3}, {2}}));
        QCOMPARE(commits.waiting(), std::size_t(0));
    }

    // A bug in one submitter's continuation, or in serving a group, strands nobody: every
    // other submitter is still told, and the next push of the organisation is served.
    void aFailingContinuationOrGroupStrandsNobody()
    {
        bool failGroup = true;
        std::vector<std::vector<int>> groups;
        CommitGroup<int, Job> commits(32, [&](const std::vector<Job *> &g) {
            groups.emplace_back();
            for (Job *j : g)
                groups.back().push_back(j->id);
            if (std::exchange(failGroup, false))
                throw std::runtime_error("a bug");
            for (Job *j : g)
                j->applied = true;
        });
        Job lost, broken, fine;
        lost.id = 1;
        broken.id = 2;
        fine.id = 3;
        commits.submit(7, lost, tell(lost));
        QCOMPARE(lost.told.load(), 1); // told, though its group failed: it stays unapplied
        QVERIFY(!lost.applied);
        commits.submit(7, broken, [&] {
            ++broken.told;
            throw std::runtime_error("a bug");
        });
        commits.submit(7, fine, tell(fine));
        QCOMPARE(broken.told.load(), 1);
        QVERIFY(fine.applied);
        QCOMPARE(fine.told.load(), 1);
        QCOMPARE(groups, (std::vector<std::vector<int>>{{1}, {2}, {3}}));
        QCOMPARE(commits.waiting(), std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestCommitGroup)
#include "tst_commit_group.moc"
