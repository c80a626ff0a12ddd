// Placeholder so Package.swift resolves on the natscapture branch, where this module is not
// built yet (it is built on another branch). Delete when merging that branch.
