final class Work {}

final class NamedAsWritten {
    func urlSession(_ session: String, task: Work, didCompleteWithError error: (any Error)?) {
        print(session)
    }
}

final class NamedOtherwise {
    func urlSession(_ session: String, task work: Work, didCompleteWithError failure: (any Error)?) {
        print(session, work, failure as Any)
    }
}

final class Unnamed {
    func urlSession(_ session: String, task: Work, didCompleteWithError _: (any Error)?) {
        print(session, task)
    }
}
