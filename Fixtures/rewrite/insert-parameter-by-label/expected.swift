final class Work {}

final class NamedAsWritten {
    func urlSession(_ session: String, task: Work, didCompleteWithError error: (any Error)?) {/*<instswift>*/ Probe.saw(task, error); /*</instswift>*/
        print(session)
    }
}

final class NamedOtherwise {
    func urlSession(_ session: String, task work: Work, didCompleteWithError failure: (any Error)?) {/*<instswift>*/ Probe.saw(work, failure); /*</instswift>*/
        print(session, work, failure as Any)
    }
}

final class Unnamed {
    func urlSession(_ session: String, task: Work, didCompleteWithError _: (any Error)?) {
        print(session, task)
    }
}
/*<instswift>*/
// instswift: declarations of rule 'completions'
#sourceLocation(file: "rules.yml", line: 14)
/// What the rule saw.
enum Probe {
    static func saw(_ task: Work, _ error: (any Error)?) { print(task, error as Any) }
}

#sourceLocation()
/*</instswift>*/