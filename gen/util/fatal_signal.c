#include "util/fatal_signal.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define FILE_SLOTS 64
#define CHILD_SLOTS 256

/* A slot's content is written before it is marked busy, so the handler never reads a path
 * being written. */
static struct {
    atomic_bool busy;
    char path[PATH_MAX];
} files[FILE_SLOTS];
static atomic_int children[CHILD_SLOTS]; /* 0: free */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

void fatal_signal_add_file(const char *path)
{
    if (strlen(path) >= PATH_MAX)
        return;
    pthread_mutex_lock(&lock);
    for (int i = 0; i < FILE_SLOTS; i++)
        if (!atomic_load(&files[i].busy)) {
            strcpy(files[i].path, path);
            atomic_store(&files[i].busy, true);
            break;
        }
    pthread_mutex_unlock(&lock);
}

void fatal_signal_remove_file(const char *path)
{
    pthread_mutex_lock(&lock);
    for (int i = 0; i < FILE_SLOTS; i++)
        if (atomic_load(&files[i].busy) && strcmp(files[i].path, path) == 0) {
            atomic_store(&files[i].busy, false);
            break;
        }
    pthread_mutex_unlock(&lock);
}

void fatal_signal_add_child(pid_t pid)
{
    pthread_mutex_lock(&lock);
    for (int i = 0; i < CHILD_SLOTS; i++)
        if (atomic_load(&children[i]) == 0) {
            atomic_store(&children[i], (int)pid);
            break;
        }
    pthread_mutex_unlock(&lock);
}

void fatal_signal_remove_child(pid_t pid)
{
    pthread_mutex_lock(&lock);
    for (int i = 0; i < CHILD_SLOTS; i++)
        if (atomic_load(&children[i]) == (int)pid) {
            atomic_store(&children[i], 0);
            break;
        }
    pthread_mutex_unlock(&lock);
}

void fatal_signal_forget_all(void)
{
    for (int i = 0; i < FILE_SLOTS; i++)
        atomic_store(&files[i].busy, false);
    for (int i = 0; i < CHILD_SLOTS; i++)
        atomic_store(&children[i], 0);
}

/* Only async-signal-safe calls: unlink, kill, waitpid, signal, raise. */
static void clean_up_and_die(int sig)
{
    int saved = errno;
    for (int i = 0; i < FILE_SLOTS; i++)
        if (atomic_load(&files[i].busy))
            unlink(files[i].path);
    for (int i = 0; i < CHILD_SLOTS; i++) {
        pid_t pid = atomic_load(&children[i]);
        if (pid > 0)
            kill(pid, sig);
    }
    /* The children remove their temporaries in their own handlers: wait for them, so that
     * nothing is written after this process is gone. */
    for (int i = 0; i < CHILD_SLOTS; i++) {
        pid_t pid = atomic_load(&children[i]);
        if (pid > 0)
            while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
                ;
    }
    errno = saved;
    signal(sig, SIG_DFL);
    raise(sig);
}

void fatal_signal_install(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = clean_up_and_die;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        sigaddset(&sa.sa_mask, sigs[i]); /* one cleanup at a time */
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction old;
        /* A shell starts background jobs with SIGINT ignored: keep it so. */
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue;
        sigaction(sigs[i], &sa, NULL);
    }
}

pid_t fatal_signal_fork(void)
{
    sigset_t fatal, saved;
    sigemptyset(&fatal);
    sigaddset(&fatal, SIGINT);
    sigaddset(&fatal, SIGTERM);
    sigaddset(&fatal, SIGHUP);
    sigprocmask(SIG_BLOCK, &fatal, &saved);
    pid_t pid = fork();
    int err = errno;
    if (pid == 0)
        fatal_signal_forget_all();
    else if (pid > 0)
        fatal_signal_add_child(pid);
    sigprocmask(SIG_SETMASK, &saved, NULL);
    errno = err;
    return pid;
}
