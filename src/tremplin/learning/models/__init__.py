from .content import Answer, Chapter, Module, Path, Question, Quiz, Status
from .progress import Certificate, Progress, QuizAttempt, QuizAttemptAnswer
from .webinar import Webinar, WebinarRegistration

__all__ = [
    "Answer",
    "Certificate",
    "Chapter",
    "Module",
    "Path",
    "Progress",
    "Question",
    "Quiz",
    "QuizAttempt",
    "QuizAttemptAnswer",
    "Status",
    "Webinar",
    "WebinarRegistration",
]
