return 0; // replaced by the owning work item
