"""What runs inside the kernel child process (never imported by the app).

``python -m tutor.kernel.child`` starts it (see :mod:`tutor.kernel.child.__main__`).
The modules here hold the learner's namespace and run cells (:mod:`.session`,
:mod:`.cells`), capture and ship output (:mod:`.capture`, :mod:`.shipping`), read and
write the pipe (:mod:`.channel`), gate SIGINT (:mod:`.interrupts`), set resource limits
(:mod:`.limits`), complete names (:mod:`.completion`), bind modules lazily
(:mod:`.lazy`), filter tracebacks (:mod:`.tracebacks`) and provide the plotting
functions of the namespace (:mod:`.plotting`). They share only :mod:`tutor.kernel.protocol`
and :mod:`tutor.kernel.arrays` with the client side.
"""
