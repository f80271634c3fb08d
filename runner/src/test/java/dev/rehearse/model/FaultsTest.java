package dev.rehearse.model;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultsTest {

    @Test
    void whatTheTaskThrewIsThrownToTheOneWaiting() {
        IllegalStateException thrown = new IllegalStateException("the engine does not answer");
        FutureTask<String> task = new FutureTask<>(() -> {
            throw thrown;
        });
        new Thread(task).start();
        assertSame(thrown, assertThrows(IllegalStateException.class, () -> Faults.awaited(task)));
    }

    /** A second Ctrl-C interrupts the thread closing a target: the kill it waits for must still have ended. */
    @Test
    void anInterruptDoesNotCutTheWaitShortAndIsKeptForTheCaller() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        FutureTask<String> task = new FutureTask<>(() -> {
            release.await();
            return "killed";
        });
        new Thread(task).start();
        AtomicReference<String> got = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread waiter = new Thread(() -> {
            got.set(Faults.awaited(task));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        waiter.start();
        waiter.interrupt();
        waiter.join(200);
        assertTrue(waiter.isAlive(), "the interrupt ended the wait before the task was done");
        release.countDown();
        waiter.join(10_000);
        assertEquals("killed", got.get());
        assertTrue(stillInterrupted.get(), "the interrupt was swallowed");
    }
}
