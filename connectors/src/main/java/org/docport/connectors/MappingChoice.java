package org.docport.connectors;

import org.docport.mappings.MappingProfile;
import org.docport.mappings.codes.CodeMap;

/**
 * How an insurer's doctors are mapped: its profile (from its connector settings) and its code map
 * (the ConceptMaps an operator uploaded for it), both as of the insurer's current version.
 */
public record MappingChoice(MappingProfile profile, CodeMap codeMap) {

  /** Plan-Net, with no code map: what an insurer gets unless configured otherwise. */
  public static final MappingChoice DEFAULT =
      new MappingChoice(MappingProfile.PLAN_NET, CodeMap.NONE);

  public MappingChoice {
    profile = profile == null ? MappingProfile.PLAN_NET : profile;
    codeMap = codeMap == null ? CodeMap.NONE : codeMap;
  }

  /**
   * Whether the insurer has a code map: only then are the codes it could not translate reported (an
   * insurer without one takes the registry's codes as they are).
   */
  public boolean translates() {
    return codeMap != CodeMap.NONE;
  }
}
