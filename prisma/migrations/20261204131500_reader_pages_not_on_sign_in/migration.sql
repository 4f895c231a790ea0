-- A sign-in no longer marks every reader's pages stale. It writes "User"."lastSignInAt" (and Prisma's
-- "updatedAt" with it), which no page kept per reader shows: the account page and the admin's list
-- of users, which show it, are rendered per request. Each sign-in marked the "signed-in" tag, so
-- every member's next view of each kept page was a render (docs/decisions/019, session 19).
-- Every other column still marks it: tests/integration/page-cache.test.ts fails when a column is
-- added to "User" and neither listed here nor named there as one no kept page shows.

DROP TRIGGER "User_reader_page_cache" ON "User";
CREATE TRIGGER "User_reader_page_cache" AFTER INSERT OR UPDATE OF "id", "email", "name", "passwordHash", "role", "locale",
    "companyId", "municipalityId", "sessionVersion", "disabledAt", "createdAt" OR DELETE OR TRUNCATE ON "User"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
