-- Signed-in pages are served from the page cache too, one entry per reader (lib/cache/reader-pages.ts,
-- docs/decisions/019-signed-in-pages-from-the-cache.md). They read far more than the public pages
-- — rankings, decisions, introductions, notices, the reader's own row — so they carry one tag,
-- "signed-in", that a write to any table a page may show marks, in the writer's own transaction,
-- with the public pages' function (migration 20261201213323_page_cache). Every column, every table:
-- a rule per page and column would be one more thing to forget, and a write that a page does not
-- show only costs that reader's next view a render.
-- Left out, because no page kept per reader shows them: the audit log, sign-ups in progress,
-- sessions, password-reset tokens, rate limits, platform secrets, the e-mail outbox and the page
-- cache's own tables. tests/integration/page-cache.test.ts fails when a table is neither here
-- nor in that list. The match rebuild fills its copy of "Match" without triggers and marks the tag
-- itself at the swap (lib/match-store/rebuild-write.ts).

CREATE TRIGGER "Oblast_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Oblast"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
CREATE TRIGGER "Raion_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Raion"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
CREATE TRIGGER "Hromada_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Hromada"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
CREATE TRIGGER "HromadaName_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "HromadaName"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
CREATE TRIGGER "HostilityPeriod_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "HostilityPeriod"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
CREATE TRIGGER "HostilityListEdition_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "HostilityListEdition"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
CREATE TRIGGER "HostilityPeriodRevision_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "HostilityPeriodRevision"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
CREATE TRIGGER "Prefecture_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Prefecture"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
CREATE TRIGGER "SisterCityLink_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SisterCityLink"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
CREATE TRIGGER "JapanMunicipality_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "JapanMunicipality"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
CREATE TRIGGER "Sector_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Sector"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
CREATE TRIGGER "SectorCompanyCount_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SectorCompanyCount"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
CREATE TRIGGER "ReviewSliceCount_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ReviewSliceCount"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
CREATE TRIGGER "User_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "User"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
CREATE TRIGGER "Company_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Company"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
CREATE TRIGGER "CompanyMatchProfile_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CompanyMatchProfile"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
CREATE TRIGGER "Municipality_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Municipality"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
CREATE TRIGGER "Need_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Need"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
CREATE TRIGGER "Interest_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Interest"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
CREATE TRIGGER "MatchingPolicy_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "MatchingPolicy"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
CREATE TRIGGER "Match_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Match"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
CREATE TRIGGER "MatchDecision_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "MatchDecision"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
CREATE TRIGGER "Introduction_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Introduction"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
CREATE TRIGGER "PipelineStep_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "PipelineStep"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
CREATE TRIGGER "FollowUpAsk_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "FollowUpAsk"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
CREATE TRIGGER "TextTranslation_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "TextTranslation"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
CREATE TRIGGER "MachineGlossary_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "MachineGlossary"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
CREATE TRIGGER "TenderEvidence_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "TenderEvidence"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
CREATE TRIGGER "KatottgCodeChange_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "KatottgCodeChange"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
CREATE TRIGGER "HostilityRollForward_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "HostilityRollForward"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
CREATE TRIGGER "Notice_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Notice"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
CREATE TRIGGER "NoticePreference_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "NoticePreference"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
CREATE TRIGGER "NeedFollow_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "NeedFollow"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
CREATE TRIGGER "IntroductionMessage_reader_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "IntroductionMessage"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('signed-in');
